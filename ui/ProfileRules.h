#pragma once

#include "models/ConnectionProfile.h"

#include <QString>
#include <QStringList>
#include <QUrl>

// What is wrong with each field of a profile the settings dialog edits (models/ConnectionProfile), in
// words for the line beside the field; empty when fine.
struct ProfileProblems
{
    QString name;
    QString baseUrl;
    QString clientId;
    QString caFile;

    bool isEmpty() const { return name.isEmpty() && baseUrl.isEmpty() && clientId.isEmpty() && caFile.isEmpty(); }
    QString first() const; // the first non-empty message, in field order
};

// Immediate feedback while typing. The engine checks URLs again with its own policy before any request;
// these rules match it (https://, http:// to loopback only, no user-info, query or fragment) and add a
// hint for a pasted version path.
namespace ProfileRules {

constexpr int MaxNameLength = 64;

// What admins know, as the API address: a bare tenant name ("acme") or the web UI's address
// ("https://acme.identitynow.com", with or without a path or scheme) becomes "https://acme.api.identitynow.com".
// Everything else comes back as typed (trimmed): API addresses, other domains (identitynow-demo.com, FedRAMP's),
// proxies, loopback, and anything with a user name, password or port, which baseUrlProblem() judges.
QString apiAddress(const QString &text);
// The URL as typed (after apiAddress()): trimmed, parsed strictly, a trailing slash removed.
QUrl parseBaseUrl(const QString &text);
// Why this tenant base URL cannot be used; empty when it can.
QString baseUrlProblem(const QUrl &url);
// Non-empty after trimming, no '/' or '\' (they would split the settings group), not longer than
// MaxNameLength, and unlike every name in otherNames ignoring case (some settings stores ignore case).
QString nameProblem(const QString &name, const QStringList &otherNames);
QString clientIdProblem(const QString &clientId);
// Empty (no extra CA) is fine; otherwise an absolute path to a readable file.
QString caFileProblem(const QString &path);
ProfileProblems problemsOf(const ConnectionProfile &profile, const QStringList &otherNames);

} // namespace ProfileRules
