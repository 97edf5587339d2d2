#include "Formatting.h"

#include <QCoreApplication>

namespace Formatting {

namespace {

// The context lupdate files these texts under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Formatting)
};

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString quoted(const QString &text)
{
    return Text::tr("“%1”").arg(text);
}

QString duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    constexpr qint64 minute = 60;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    if (seconds < minute)
        return Text::tr("%1 s").arg(seconds);
    if (seconds < hour)
        return Text::tr("%1 min %2 s").arg(seconds / minute).arg(twoDigits(seconds % minute));
    if (seconds < day)
        return Text::tr("%1 h %2 min").arg(seconds / hour).arg(twoDigits(seconds % hour / minute));
    return Text::tr("%1 d %2 h").arg(seconds / day).arg(seconds % day / hour);
}

QString roughDuration(qint64 seconds)
{
    if (seconds < 60 || seconds >= 3600)
        return duration(seconds);
    return Text::tr("%1 min").arg((seconds + 30) / 60);
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
