#include "ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QStringList texts(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        const QString text = item.isObject() ? item.toObject().value(QStringLiteral("text")).toString()
                                             : item.toString();
        if (!text.trimmed().isEmpty())
            result.append(text.trimmed());
    }
    return result;
}

QString withFullStop(QString sentence)
{
    sentence = sentence.trimmed();
    if (!sentence.isEmpty() && !sentence.endsWith(u'.') && !sentence.endsWith(u'!') && !sentence.endsWith(u'?'))
        sentence.append(u'.');
    return sentence;
}

} // namespace

ApiError ApiError::fromResponse(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = httpStatus;
    error.body = body;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return error;
    const QJsonObject object = document.object();
    error.detailCode = object.value(QStringLiteral("detailCode")).toString().trimmed();
    error.trackingId = object.value(QStringLiteral("trackingId")).toString().trimmed();
    error.messages = texts(object.value(QStringLiteral("messages")));
    error.causes = texts(object.value(QStringLiteral("causes")));
    error.error = object.value(QStringLiteral("error")).toString().trimmed();
    error.message = object.value(QStringLiteral("message")).toString().trimmed();
    return error;
}

QString ApiError::summary() const
{
    QString sentence;
    if (!messages.isEmpty())
        sentence = withFullStop(messages.join(QStringLiteral(" ")));
    else if (!error.isEmpty())
        sentence = withFullStop(error);
    else if (!message.isEmpty())
        sentence = withFullStop(message);
    else if (!detailCode.isEmpty())
        sentence = withFullStop(detailCode);
    if (!causes.isEmpty())
        sentence += QStringLiteral(" Cause: ") + withFullStop(causes.join(QStringLiteral("; ")));

    const QString status = httpStatusSentence(httpStatus);
    if (sentence.isEmpty())
        return status;
    return QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(sentence.trimmed());
}

QString ApiError::text() const
{
    if (trackingId.isEmpty())
        return summary();
    return summary() + QStringLiteral(" (tracking id %1)").arg(trackingId);
}

QString httpStatusSentence(int httpStatus)
{
    QString what;
    switch (httpStatus) {
    case 400:
        what = QStringLiteral("the server rejected the request as invalid.");
        break;
    case 401:
        what = QStringLiteral("not authenticated: the access token is missing, invalid or expired.");
        break;
    case 403:
        what = QStringLiteral("forbidden: these credentials lack the right to read task status "
                              "(scope idn:task-management:read).");
        break;
    case 404:
        what = QStringLiteral("not found (task status is kept for 90 days).");
        break;
    case 414:
        what = QStringLiteral("the request URL is too long.");
        break;
    case 429:
        what = QStringLiteral("rate limit exceeded; the tenant asks to wait before the next request.");
        break;
    case 500:
        what = QStringLiteral("the server had an internal fault.");
        break;
    case 502:
    case 503:
    case 504:
        what = QStringLiteral("the service is unavailable or a gateway timed out.");
        break;
    default:
        what = httpStatus >= 500 ? QStringLiteral("the server failed to answer the request.")
                                 : QStringLiteral("the request failed.");
        break;
    }
    return QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(what);
}
