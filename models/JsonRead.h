#pragma once

#include "Parsed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// Typed reads of JSON fields that name the offending field on failure. A wrong type throws
// JsonRead::Failure, which the public parsers catch and turn into a ParseError; missing and null
// fields read as "absent", because the spec marks many fields nullable and older tenants omit some.
namespace JsonRead {

struct Failure
{
    ParseError error;
};

[[noreturn]] void fail(const QString &field, const QString &reason);
QString join(const QString &path, const QString &key);
QString join(const QString &path, qsizetype index);
QString typeName(const QJsonValue &value);

bool isAbsent(const QJsonValue &value); // missing or null

std::optional<QString> optString(const QJsonObject &object, const QString &key, const QString &path);
QString string(const QJsonObject &object, const QString &key, const QString &path); // absent → empty
// string(), for fields whose values repeat from task to task (type, launcher, definition, target, message
// keys): equal values share one QString, so 10,000 statuses hold "QUARTZ" once, not 10,000 times.
QString sharedString(const QJsonObject &object, const QString &key, const QString &path);
std::optional<QDateTime> optDateTime(const QJsonObject &object, const QString &key, const QString &path);
std::optional<double> optNumber(const QJsonObject &object, const QString &key, const QString &path);
std::optional<QJsonObject> optObject(const QJsonObject &object, const QString &key, const QString &path);
std::optional<QJsonArray> optArray(const QJsonObject &object, const QString &key, const QString &path);
QJsonObject objectAt(const QJsonArray &array, qsizetype index, const QString &path);

// ISO 8601 as SailPoint sends it: with or without milliseconds (or microseconds), 'T' (or RFC 3339's 't')
// or ' ' between date and time, 'Z' / 'z' or a numeric offset, none meaning UTC. Returns an invalid
// QDateTime when the text is not a date.
QDateTime parseDateTime(const QString &text);

} // namespace JsonRead
