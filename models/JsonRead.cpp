#include "JsonRead.h"

#include <QRegularExpression>
#include <QSet>

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

static void expect(const QJsonValue &value, QJsonValue::Type type, const QString &what, const QString &field)
{
    if (value.type() != type)
        fail(field, QStringLiteral("expected %1, got %2").arg(what, typeName(value)));
}

std::optional<QString> optString(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::String, QStringLiteral("a string"), join(path, key));
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
    expect(value, QJsonValue::Double, QStringLiteral("a number"), join(path, key));
    return value.toDouble();
}

std::optional<QJsonObject> optObject(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::Object, QStringLiteral("an object"), join(path, key));
    return value.toObject();
}

std::optional<QJsonArray> optArray(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isAbsent(value))
        return std::nullopt;
    expect(value, QJsonValue::Array, QStringLiteral("an array"), join(path, key));
    return value.toArray();
}

QJsonObject objectAt(const QJsonArray &array, qsizetype index, const QString &path)
{
    const QJsonValue value = array.at(index);
    expect(value, QJsonValue::Object, QStringLiteral("an object"), join(path, index));
    return value.toObject();
}

QDateTime parseDateTime(const QString &text)
{
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
