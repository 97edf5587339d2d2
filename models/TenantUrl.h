#pragma once

#include <QString>
#include <QUrl>

// One spelling for one tenant. "https://ACME.api.identitynow.com.:443/" and "https://acme.api.identitynow.com"
// name the same tenant; whatever is keyed by tenant (the shared request budget, a secret bound to its tenant)
// must treat them as one.
namespace TenantUrl {

// "scheme://host:port": scheme and host lower-cased, the host in its ASCII (punycode) form without a trailing
// dot, IPv6 addresses in brackets, the port always explicit (443 for https, 80 for http when none is given).
// User info, path (a trailing slash included), query and fragment are not part of it, so the result never
// carries a password. Empty for a URL that is invalid, has no host, or a scheme other than http and https
// (which has no default port to assume).
QString normalized(const QUrl &url);

} // namespace TenantUrl
