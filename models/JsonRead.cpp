#include "JsonRead.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace JsonRead {

void fail(const QString &field, const QString &reason)
{
    throw Failure {ParseError {field, reason}};
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString join(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// The field's name (path.key or path[index]) is only put together for the message: building it for every
// field read was a fifth of the cost of reading a list of statuses.
template<typename Key>
static void expect(const QJsonValue &value, QJsonValue::Type type, const QString &what, const QString &path,
                   const Key &key)
{
    if (value.type() != type)
        fail(join(path, key), QStringLiteral("expected %1, got %2").arg(what, typeName(value)));
}

std::optional<QString> optString(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::String, QStringLiteral("a string"), path, key);
    return value.toString();
}

QString string(const QJsonObject &object, const QString &key, const QString &path)
{
    return optString(object, key, path).value_or(QString());
}

QString sharedString(const QJsonObject &object, const QString &key, const QString &path)
{
    // Per thread, bounded: a pool that is full is started afresh (what was shared stays shared).
    constexpr qsizetype MaxPooled = 4096;
    constexpr qsizetype MaxLength = 512; // long texts are rarely repeated
    thread_local QSet<QString> pool;
    const QString text = string(object, key, path);
    if (text.isEmpty() || text.size() > MaxLength)
        return text;
    const auto it = pool.constFind(text);
    if (it != pool.constEnd())
        return *it;
    if (pool.size() >= MaxPooled)
        pool.clear();
    pool.insert(text);
    return text;
}

std::optional<QDateTime> optDateTime(const QJsonObject &object, const QString &key, const QString &path)
{
    const std::optional<QString> text = optString(object, key, path);
    if (!text)
        return std::nullopt;
    QDateTime dateTime = parseDateTime(*text);
    if (!dateTime.isValid())
        fail(join(path, key), QStringLiteral("\"%1\" is not an ISO 8601 date-time").arg(text->left(64)));
    return dateTime;
}

std::optional<double> optNumber(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::Double, QStringLiteral("a number"), path, key);
    return value.toDouble();
}

std::optional<QJsonObject> optObject(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::Object, QStringLiteral("an object"), path, key);
    return value.toObject();
}

std::optional<QJsonArray> optArray(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::Array, QStringLiteral("an array"), path, key);
    return value.toArray();
}

QJsonObject objectAt(const QJsonArray &array, qsizetype index, const QString &path)
{
    const QJsonValue value = array.at(index);
    expect(value, QJsonValue::Object, QStringLiteral("an object"), path, index);
    return value.toObject();
}

namespace {

// The number in text[from, from + digits), or -1 when one of them is not an ASCII digit.
int digitsAt(QStringView text, qsizetype from, qsizetype digits)
{
    int value = 0;
    for (qsizetype i = from; i < from + digits; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The UTC time of a date and time at an offset from UTC. Qt::TimeSpec is the inline form before Qt 6.5 and
// deprecated from 6.9; QTimeZone::UTC and fromSecondsAheadOfUtc are that form from 6.5.
QDateTime utc(QDate date, QTime time, int offsetSeconds)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (offsetSeconds == 0)
        return QDateTime(date, time, Qt::UTC);
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
#else
    if (offsetSeconds == 0)
        return QDateTime(date, time, QTimeZone::UTC);
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(offsetSeconds)).toUTC();
#endif
}

// The form every tenant answer uses, "2025-06-01T12:00:00.123456Z" or with "+02:00", read without a regular
// expression (with thousands of dates per refresh it was a tenth of the cost of an update). Invalid for
// anything else, which the general reader below takes; for what it accepts the two agree exactly.
QDateTime parseCommonDateTime(QStringView text)
{
    if (text.size() < 20 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':')
        return {};
    const int year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2), second = digitsAt(text, 17, 2);
    // -1 is a field that is not digits (QDate would take a year -1 as 1 BC).
    if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    qsizetype at = 19;
    int millis = 0;
    if (text[at] == u'.') {
        qsizetype digits = 0;
        while (at + 1 + digits < text.size() && text[at + 1 + digits].isDigit() && digits < 10)
            ++digits;
        if (digits < 1 || digits > 9 || digitsAt(text, at + 1, digits) < 0)
            return {};
        for (qsizetype i = 0; i < 3; ++i)
            millis = millis * 10 + (i < digits ? text[at + 1 + i].unicode() - u'0' : 0);
        at += 1 + digits;
    }
    const QTime time(hour, minute, second, millis);
    const QStringView zone = text.mid(at);
    if (zone == u"Z")
        return utc(date, time, 0);
    if (zone.size() != 6 || (zone[0] != u'+' && zone[0] != u'-') || zone[3] != u':')
        return {};
    const int zoneHours = digitsAt(zone, 1, 2), zoneMinutes = digitsAt(zone, 4, 2);
    if (zoneHours < 0 || zoneHours > 14 || zoneMinutes < 0 || zoneMinutes > 59)
        return {};
    const int offset = (zone[0] == u'-' ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
    return utc(date, time, offset);
}

} // namespace

QDateTime parseDateTime(const QString &text)
{
    if (QDateTime common = parseCommonDateTime(text); common.isValid())
        return common;
    // date, 'T' or ' ', time, optional fraction of any length, then Z or ±hh:mm / ±hhmm (or nothing: UTC).
    // RFC 3339 allows a lower-case 't' and 'z'.
    static const QRegularExpression pattern(
            QStringLiteral(R"(^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const QString millis = QString(match.captured(3) + QStringLiteral("000")).left(3);
    QString zone = match.captured(4);
    if (zone.isEmpty() || zone == u"z")
        zone = QStringLiteral("Z");
    else if (zone.size() == 5) // ±hhmm → ±hh:mm
        zone.insert(3, u':');
    const QString normalised = match.captured(1) + u'T' + match.captured(2) + u'.' + millis + zone;
    QDateTime dateTime = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    return dateTime.isValid() ? dateTime.toUTC() : QDateTime();
}

} // namespace JsonRead
