#pragma once

#include "HttpResponse.h"

#include <QString>
#include <QStringList>

// The error answers of Identity Security Cloud, body for body. ErrorResponseDto bodies carry a realistic
// detailCode and a fresh trackingId, as support staff quote them to SailPoint.
namespace SimErrors {

QString newTrackingId(); // 32 lowercase hex characters

// ErrorResponseDto {detailCode, trackingId, messages[{locale, localeOrigin, text}], causes[...]}.
QByteArray errorResponseDto(const QString &detailCode, const QString &text, const QStringList &causes = {});

// 400 "400.1.3 Illegal value" for a query parameter, with a cause that names the problem.
HttpResponse illegalValue(const QString &parameter, const QString &value, const QString &problem);
// 400 "400.1 Bad Request Content" for a request body, with a cause that names the problem.
HttpResponse badRequestContent(const QString &problem);
// 403 "403 Forbidden" (the spec's example text), with a cause that names the missing right.
HttpResponse forbidden(const QString &cause);
HttpResponse notFound();
HttpResponse methodNotAllowed(const QByteArray &allow);
HttpResponse internalFault();
// 401 {"error": "JWT validation failed: …"}
HttpResponse unauthorized(const QString &error);
// 400 {"error": "Experimental Header is missing or invalid."}, as v2024–v2026 answered in their experimental era.
HttpResponse experimentalHeaderMissing();
// 429 {"message": " Rate Limit Exceeded "} with Retry-After.
HttpResponse rateLimited(int retryAfterSeconds);
// An OAuth error of the token endpoint (RFC 6749): {"error": "...", "error_description": "..."}.
HttpResponse oauthError(int status, const QString &error, const QString &description);
// What a gateway answers to a request it cannot read: 400, 413, 414, 431, 501, 505.
HttpResponse protocolError(int status, const QString &reason);

} // namespace SimErrors
