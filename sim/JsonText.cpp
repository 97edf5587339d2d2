#include "JsonText.h"

#include <QJsonDocument>

namespace JsonText {

namespace {

void appendDigits(QByteArray &out, qint64 value, int width)
{
    char buffer[24];
    int length = 0;
    do {
        buffer[length++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0 || length < width);
    while (length > 0)
        out.append(buffer[--length]);
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), valid far beyond any task's life.
void civilFromDays(qint64 days, qint64 &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    day = static_cast<int>(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    month = static_cast<int>(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

} // namespace

void appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (byte < 0x20) {
            switch (c) {
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                out.append("\\u00");
                out.append(hex[byte >> 4]);
                out.append(hex[byte & 0xf]);
            }
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

QByteArray string(QStringView text)
{
    QByteArray out;
    appendString(out, text);
    return out;
}

void appendDateTime(QByteArray &out, qint64 msSinceEpoch)
{
    constexpr qint64 msPerDay = 86400000;
    qint64 days = msSinceEpoch / msPerDay;
    qint64 msOfDay = msSinceEpoch % msPerDay;
    if (msOfDay < 0) {
        msOfDay += msPerDay;
        --days;
    }
    qint64 year = 0;
    int month = 0, day = 0;
    civilFromDays(days, year, month, day);
    out.append('"');
    appendDigits(out, year, 4);
    out.append('-');
    appendDigits(out, month, 2);
    out.append('-');
    appendDigits(out, day, 2);
    out.append('T');
    appendDigits(out, msOfDay / 3600000, 2);
    out.append(':');
    appendDigits(out, msOfDay / 60000 % 60, 2);
    out.append(':');
    appendDigits(out, msOfDay / 1000 % 60, 2);
    out.append('.');
    appendDigits(out, msOfDay % 1000, 3);
    out.append("Z\"");
}

QByteArray dateTime(qint64 msSinceEpoch)
{
    QByteArray out;
    appendDateTime(out, msSinceEpoch);
    return out;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace JsonText
