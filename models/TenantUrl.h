#pragma once

#include <QString>
#include <QUrl>

// One spelling per tenant: what a stored secret is bound to (CredentialStore) and what the shared request
// budget is keyed on. Two URLs that reach the same server the same way give the same string.
namespace TenantUrl {

// "scheme://host:port": scheme and host in lower case, the scheme's default port written out (https 443,
// http 80), a trailing dot of the host dropped, IPv6 hosts in brackets in QUrl's canonical form. User info,
// path, query and fragment are left out, so the result never carries a password. Empty for an invalid URL,
// one without a host, or a scheme other than http and https (which has no default port to assume).
QString normalized(const QUrl &url);

} // namespace TenantUrl
