#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringView>

// Fast pieces for writing JSON by hand where QJsonDocument would rebuild the same text on every request.
namespace JsonText {

void appendString(QByteArray &out, QStringView text); // quoted and escaped
QByteArray string(QStringView text);
// "2020-07-11T21:23:15.000Z": ISO 8601 in UTC with milliseconds, as SailPoint sends dates.
void appendDateTime(QByteArray &out, qint64 msSinceEpoch);
QByteArray dateTime(qint64 msSinceEpoch);
QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

} // namespace JsonText
