#include "ReportFields.h"

#include "Formatting.h"
#include "models/WatchedTask.h"

#include <QJsonArray>

namespace ReportFields {

QString str(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : (value.isDouble() ? jsonValueText(value) : QString());
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toObject().value(QStringLiteral("utc")).toString(), Qt::ISODateWithMs);
}

QString targetText(const QJsonValue &target)
{
    if (!target.isObject())
        return {};
    const QJsonObject object = target.toObject();
    QStringList details;
    if (!str(object, QStringLiteral("type")).isEmpty())
        details.append(str(object, QStringLiteral("type")));
    if (!str(object, QStringLiteral("id")).isEmpty())
        details.append(str(object, QStringLiteral("id")));
    const QString name = str(object, QStringLiteral("name"));
    return details.isEmpty() ? name : QString(name + QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')');
}

QString durationText(const QJsonValue &seconds)
{
    return seconds.isDouble() ? Formatting::duration(qint64(seconds.toDouble())) : QString();
}

QString percentText(const QJsonObject &task)
{
    const QJsonValue percent = task.value(QStringLiteral("percentComplete"));
    return percent.isDouble() ? QStringLiteral("%1 %").arg(percent.toInt()) : QString();
}

QString parametersText(const QJsonObject &message)
{
    return messageParametersText(message.value(QStringLiteral("parameters")).toArray());
}

QString returnValueText(const QJsonObject &entry)
{
    const QJsonValue returned = entry.value(QStringLiteral("value"));
    return returned.isNull() ? QStringLiteral("—") : jsonValueText(returned);
}

QString problemText(const QJsonObject &problem)
{
    // The document's copy, not the task's: it is the redacted one.
    FetchProblem shown;
    shown.message = str(problem, QStringLiteral("message"));
    shown.httpStatus = problem.value(QStringLiteral("httpStatus")).toInt();
    shown.trackingId = str(problem, QStringLiteral("trackingId"));
    const QString serverText = str(problem, QStringLiteral("serverText"));
    const QString text = shown.textWithHttpStatus(TextLanguage::English);
    return serverText.isEmpty() ? text : text + QStringLiteral(" The tenant said: ") + serverText;
}

QStringList trackingIds(const QJsonObject &document)
{
    QStringList ids;
    for (const QJsonValue &id : document.value(QStringLiteral("trackingIds")).toArray())
        ids.append(id.toString());
    return ids;
}

} // namespace ReportFields
