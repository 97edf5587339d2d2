#include "SimErrors.h"

#include "JsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace SimErrors {

namespace {

QJsonObject errorMessage(const QString &text)
{
    return QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")},
                        {QStringLiteral("localeOrigin"), QStringLiteral("DEFAULT")},
                        {QStringLiteral("text"), text}};
}

// An ErrorResponseDto with one message and one cause: what the endpoint says, and what exactly is wrong.
HttpResponse withCause(int status, const QString &detailCode, const QString &text, const QString &cause)
{
    return HttpResponse::json(status, errorResponseDto(detailCode, text, {cause}));
}

QString shortened(const QString &value)
{
    constexpr qsizetype shown = 200;
    return value.size() <= shown ? value : QString(value.left(shown) + QStringLiteral("…"));
}

} // namespace

QString newTrackingId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QByteArray errorResponseDto(const QString &detailCode, const QString &text, const QStringList &causes)
{
    QJsonArray causeList;
    for (const QString &cause : causes)
        causeList.append(errorMessage(cause));
    return JsonText::compact(QJsonObject {{QStringLiteral("detailCode"), detailCode},
                                          {QStringLiteral("trackingId"), newTrackingId()},
                                          {QStringLiteral("messages"), QJsonArray {errorMessage(text)}},
                                          {QStringLiteral("causes"), causeList}});
}

HttpResponse illegalValue(const QString &parameter, const QString &value, const QString &problem)
{
    return withCause(400, QStringLiteral("400.1.3 Illegal value"),
                     QStringLiteral("Illegal value \"%1\" for field \"%2\".").arg(shortened(value), parameter),
                     problem);
}

HttpResponse badRequestContent(const QString &problem)
{
    return withCause(400, QStringLiteral("400.1 Bad Request Content"),
                     QStringLiteral("The request was syntactically correct but its content is semantically invalid."),
                     problem);
}

HttpResponse forbidden(const QString &cause)
{
    return withCause(403, QStringLiteral("403 Forbidden"),
                     QStringLiteral("The server understood the request but refuses to authorize it."), cause);
}

HttpResponse notFound()
{
    return HttpResponse::json(404,
                              errorResponseDto(QStringLiteral("404 Not found"),
                                               QStringLiteral("The server did not find a current representation "
                                                              "for the target resource.")));
}

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    return HttpResponse::json(405,
                              errorResponseDto(QStringLiteral("405 Method not allowed"),
                                               QStringLiteral("The method is not allowed for the target resource; "
                                                              "allowed: %1.")
                                                       .arg(QString::fromLatin1(allow))))
            .withHeader("Allow", allow);
}

HttpResponse internalFault()
{
    return HttpResponse::json(
            500,
            errorResponseDto(QStringLiteral("500.0 Internal Fault"), QStringLiteral("An internal fault occurred.")));
}

HttpResponse unauthorized(const QString &error)
{
    return HttpResponse::json(401, JsonText::compact(QJsonObject {{QStringLiteral("error"), error}}))
            .withHeader("WWW-Authenticate", "Bearer");
}

HttpResponse experimentalHeaderMissing()
{
    return HttpResponse::json(
            400,
            JsonText::compact(QJsonObject {
                    {QStringLiteral("error"), QStringLiteral("Experimental Header is missing or invalid.")}}));
}

HttpResponse rateLimited(int retryAfterSeconds)
{
    return HttpResponse::json(429,
                              JsonText::compact(QJsonObject {
                                      {QStringLiteral("message"), QStringLiteral(" Rate Limit Exceeded ")}}))
            .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status,
                              JsonText::compact(QJsonObject {{QStringLiteral("error"), error},
                                                             {QStringLiteral("error_description"), description}}))
            .withHeader("Cache-Control", "no-store")
            .withHeader("Pragma", "no-cache");
}

HttpResponse protocolError(int status, const QString &reason)
{
    const QString detailCode = QString::number(status) + u' ' + QString::fromLatin1(reasonPhrase(status));
    return HttpResponse::json(status,
                              errorResponseDto(detailCode, QString(reason.left(1).toUpper() + reason.mid(1) + u'.')));
}

} // namespace SimErrors
