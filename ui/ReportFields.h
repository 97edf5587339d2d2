#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Reading a TaskReport document back for its text forms (ReportMarkdown, ReportPlainText): both show
// the same fields the same way. English only: the report goes to SailPoint support.
namespace ReportFields {

struct TimeRow
{
    const char *key; // in the document's "times" object
    const char *label;
};

inline constexpr TimeRow TimeRows[] = {
        {"created", "Created"},      {"launched", "Launched"},           {"completed", "Completed"},
        {"modified", "Modified"},    {"addedToWatch", "Added to watch"}, {"lastChecked", "Last checked"},
        {"nextCheck", "Next check"},
};

QString str(const QJsonObject &object, const QString &key); // strings and numbers; empty otherwise
QDateTime timeFrom(const QJsonValue &value); // a {"utc", "local"} time object
QString targetText(const QJsonValue &target); // "name (TYPE, id)"
QString durationText(const QJsonValue &seconds); // empty when null
QString percentText(const QJsonObject &task); // "40 %", empty when unknown
QString parametersText(const QJsonObject &message);
QString returnValueText(const QJsonObject &entry); // "—" when the attributes lacked the value
QString problemText(const QJsonObject &problem); // "HTTP 503: message (tracking id X)"
QStringList trackingIds(const QJsonObject &document);

} // namespace ReportFields
