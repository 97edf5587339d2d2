#include "Formatting.h"

#include <QCoreApplication>

namespace Formatting {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Formatting", text);
}

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    constexpr qint64 minute = 60;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    if (seconds < minute)
        return tr("%1 s").arg(seconds);
    if (seconds < hour)
        return tr("%1 min %2 s").arg(seconds / minute).arg(twoDigits(seconds % minute));
    if (seconds < day)
        return tr("%1 h %2 min").arg(seconds / hour).arg(twoDigits(seconds % hour / minute));
    return tr("%1 d %2 h").arg(seconds / day).arg(seconds % day / hour);
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString utcTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QString();
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString isoLocal(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // toLocalTime() alone prints no offset; an explicit offset keeps the text unambiguous.
    const QDateTime local = time.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace Formatting
