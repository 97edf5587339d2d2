#pragma once

#include <QString>
#include <QUrl>

// Where Taskwatch may send a client secret and tokens. Checked before any request is made.
namespace UrlPolicy {

// 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and "localhost".
bool isLoopbackHost(const QString &host);

// Why requests must not go to this tenant base URL; empty when they may. https:// anywhere,
// http:// only to a loopback host, nothing with user-info, a query, a fragment or another scheme.
QString baseUrlProblem(const QUrl &url);

// The same rules for a full request URL (which may carry a query).
QString requestUrlProblem(const QUrl &url);

} // namespace UrlPolicy
