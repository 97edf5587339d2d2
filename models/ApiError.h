#pragma once

#include "Sentence.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// What a request does to the tenant: reading task status, or changing it (PATCH). A 403 lacks a different
// scope for each.
enum class ApiAccess { Read, Write };

// An error answer of the SailPoint API, from any of its body shapes:
// ErrorResponseDto {detailCode, trackingId, messages[].text, causes[].text} (400/403/404/500),
// {"error": "..."} (401; OAuth adds "error_description"), {"message": "..."} (429), or an empty / non-JSON body.
class ApiError
{
public:
    int httpStatus = 0;
    QString detailCode;
    QString trackingId;
    QStringList messages; // messages[].text
    QStringList causes; // causes[].text
    QString error; // the 401 body's "error"
    QString errorDescription; // OAuth's (RFC 6749) "error_description" beside "error", e.g. "Bad credentials"
    QString message; // the 429 body's "message", trimmed
    QByteArray body; // as received, for exports (never holds a secret: error bodies echo none)

    static ApiError fromResponse(int httpStatus, const QByteArray &body);

    // One human sentence: what went wrong, in SailPoint's words when it gave some, else ours per status.
    Sentence summarySentence() const;
    // The summary plus "(tracking id …)" when there is one: what the UI and the CLI print (translated()),
    // and reports and --json (english()).
    Sentence sentence() const;
    QString summary() const { return summarySentence().english(); }
    // The body said something of its own (messages, an error, a detail code), not just the status.
    bool hasOwnWords() const;
    // What the answer means for the request made, in words people act on, with the tracking id: a 404 for
    // one task ("not found on this tenant: older than 90 days, another tenant's id, or mistyped") and a 403
    // (the scope or user level missing for `access`) say so instead of the server's generic sentence; any
    // other answer reads as sentence(). The tenant's own words stay in sentence() for reports.
    Sentence explained(ApiAccess access, bool aboutOneTask) const;
    // The explained() sentence differs from the tenant's own.
    bool isExplained(bool aboutOneTask) const;
    QString text() const { return sentence().english(); }
};

// "not found on this tenant: older than 90 days, another tenant's id, or mistyped."
Sentence taskNotFoundReading();
// Which scope (and for PATCH, which kind of credentials and user level) a 403 lacks.
Sentence forbiddenReading(ApiAccess access);

// A readable sentence for an HTTP status when the body says nothing useful.
Sentence httpStatusReading(int httpStatus);
inline QString httpStatusSentence(int httpStatus)
{
    return httpStatusReading(httpStatus).english();
}
