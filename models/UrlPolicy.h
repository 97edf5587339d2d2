#pragma once

#include "Sentence.h"

#include <QString>
#include <QUrl>

// Where Taskwatch may send a client secret and tokens. Checked before any request is made.
namespace UrlPolicy {

// 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and "localhost".
bool isLoopbackHost(const QString &host);

// Whether the URL carries user info (a user name, maybe a password), also when it is invalid for another
// reason: an invalid QUrl keeps its text only inside errorString(), which is where this looks then.
bool hasUserInfo(const QUrl &url);

// The URL for a message or a log line: without user info, and a placeholder for an invalid URL (whose
// errorString() quotes the raw text, password included, so it is never shown).
QString forDisplay(const QUrl &url);

// Why requests must not go to this tenant base URL; empty when they may. https:// anywhere,
// http:// only to a loopback host, nothing with user-info, a query, a fragment or another scheme. The
// message never quotes the URL's user info: user info is refused first, before any other reason.
QString baseUrlProblem(const QUrl &url); // translated, for people
Sentence baseUrlIssue(const QUrl &url); // both readings (reports and --json keep the English one)

// The same rules for a full request URL (which may carry a query).
QString requestUrlProblem(const QUrl &url); // translated, for people
Sentence requestUrlIssue(const QUrl &url);

} // namespace UrlPolicy
