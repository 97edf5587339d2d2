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
        const QString text =
                item.isObject() ? item.toObject().value(QStringLiteral("text")).toString() : item.toString();
        if (!text.trimmed().isEmpty())
            result.append(text.trimmed());
    }
    return result;
}

// One line: a body's line breaks and runs of spaces must not break the table cell or the CLI's output.
QString withFullStop(QString sentence)
{
    sentence = sentence.simplified();
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
    // Quoted on one line to SailPoint's support (32 hex characters in practice): a line break or a runaway
    // value must not break the UI's and the CLI's one-line error text.
    error.trackingId = object.value(QStringLiteral("trackingId")).toString().simplified().left(100);
    error.messages = texts(object.value(QStringLiteral("messages")));
    error.causes = texts(object.value(QStringLiteral("causes")));
    error.error = object.value(QStringLiteral("error")).toString().trimmed();
    error.errorDescription = object.value(QStringLiteral("error_description")).toString().trimmed();
    error.message = object.value(QStringLiteral("message")).toString().trimmed();
    return error;
}

Sentence ApiError::summarySentence() const
{
    QString sentence;
    if (!messages.isEmpty()) {
        QStringList sentences;
        for (const QString &text : messages)
            sentences.append(withFullStop(text));
        sentence = sentences.join(u' ');
    } else if (!errorDescription.isEmpty())
        sentence = withFullStop(errorDescription);
    else if (!error.isEmpty())
        sentence = withFullStop(error);
    else if (!message.isEmpty())
        sentence = withFullStop(message);
    else if (!detailCode.isEmpty())
        sentence = withFullStop(detailCode);
    // Causes that repeat a message add nothing to the sentence.
    QStringList newCauses;
    for (const QString &cause : causes) {
        if (!messages.contains(cause) && !newCauses.contains(cause))
            newCauses.append(cause);
    }
    if (!newCauses.isEmpty())
        sentence += QStringLiteral(" Cause: ") + withFullStop(newCauses.join(QStringLiteral("; ")));

    if (sentence.isEmpty())
        return httpStatusReading(httpStatus);
    // A sentence, not a dump: a runaway body stays whole in `body` for the raw view and exports.
    constexpr qsizetype maxSentence = 1000;
    if (sentence.size() > maxSentence)
        sentence =
                sentence.left(sentence.at(maxSentence - 1).isHighSurrogate() ? maxSentence - 1 : maxSentence).trimmed()
                + QStringLiteral("…");
    // The tenant's own words stay as they came (SailPoint writes them in English); the frame is ours.
    return Sentence::translate("ApiError", "HTTP %1: %2").arg(httpStatus).arg(sentence.trimmed());
}

Sentence ApiError::sentence() const
{
    if (trackingId.isEmpty())
        return summarySentence();
    return Sentence::translate("ApiError", "%1 (tracking id %2)").arg(summarySentence()).arg(trackingId);
}

bool ApiError::hasOwnWords() const
{
    return !messages.isEmpty() || !causes.isEmpty() || !errorDescription.isEmpty() || !error.isEmpty()
            || !message.isEmpty() || !detailCode.isEmpty();
}

bool ApiError::isExplained(bool aboutOneTask) const
{
    return httpStatus == 403 || (httpStatus == 404 && aboutOneTask);
}

Sentence ApiError::explained(ApiAccess access, bool aboutOneTask) const
{
    if (!isExplained(aboutOneTask))
        return sentence();
    const Sentence meaning = httpStatus == 403 ? forbiddenReading(access) : taskNotFoundReading();
    const Sentence summary = Sentence::translate("ApiError", "HTTP %1: %2").arg(httpStatus).arg(meaning);
    if (trackingId.isEmpty())
        return summary;
    return Sentence::translate("ApiError", "%1 (tracking id %2)").arg(summary).arg(trackingId);
}

Sentence taskNotFoundReading()
{
    return Sentence::translate("ApiError",
                               "not found on this tenant: older than 90 days, another tenant's id, or mistyped.");
}

Sentence forbiddenReading(ApiAccess access)
{
    if (access == ApiAccess::Write)
        return Sentence::translate(
                "ApiError",
                "forbidden: changing a task's status needs the scope idn:task-management:write, which only a "
                "personal access token of an admin user has (user level ORG_ADMIN, CERT_ADMIN, REPORT_ADMIN, "
                "ROLE_ADMIN, ROLE_SUBADMIN, SOURCE_ADMIN or SOURCE_SUBADMIN); API clients cannot do it.");
    return Sentence::translate("ApiError",
                               "forbidden: these credentials lack the scope idn:task-management:read, or the user of "
                               "a personal access token has no user level that may read task status (such as "
                               "ORG_ADMIN or HELPDESK).");
}

Sentence httpStatusReading(int httpStatus)
{
    const char *what = nullptr;
    switch (httpStatus) {
    case 400:
        what = QT_TRANSLATE_NOOP("ApiError", "the server rejected the request as invalid.");
        break;
    case 401:
        what = QT_TRANSLATE_NOOP("ApiError", "not authenticated: the access token is missing, invalid or expired.");
        break;
    case 403:
        what = QT_TRANSLATE_NOOP("ApiError",
                                 "forbidden: these credentials lack the right to read task status "
                                 "(scope idn:task-management:read).");
        break;
    case 404:
        what = QT_TRANSLATE_NOOP("ApiError", "not found (task status is kept for 90 days).");
        break;
    case 414:
        what = QT_TRANSLATE_NOOP("ApiError", "the request URL is too long.");
        break;
    case 429:
        what = QT_TRANSLATE_NOOP("ApiError", "rate limit exceeded; the tenant asks to wait before the next request.");
        break;
    case 500:
        what = QT_TRANSLATE_NOOP("ApiError", "the server had an internal fault.");
        break;
    case 502:
    case 503:
    case 504:
        what = QT_TRANSLATE_NOOP("ApiError", "the service is unavailable or a gateway timed out.");
        break;
    default:
        what = httpStatus >= 500 ? QT_TRANSLATE_NOOP("ApiError", "the server failed to answer the request.")
                                 : QT_TRANSLATE_NOOP("ApiError", "the request failed.");
        break;
    }
    return Sentence::translate("ApiError", "HTTP %1: %2").arg(httpStatus).arg(Sentence::translate("ApiError", what));
}
