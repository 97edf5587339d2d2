#include "Countdown.h"

#include <QCoreApplication>

#include <algorithm>

namespace Countdown {

QString text(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    constexpr qint64 minute = 60;
    // Seconds count down visibly under a minute; above, a ticking seconds field is noise: whole minutes.
    if (seconds < minute)
        return QCoreApplication::translate("Countdown", "%1 s").arg(seconds);
    const qint64 minutes = (seconds + minute - 1) / minute;
    if (minutes < 60)
        return QCoreApplication::translate("Countdown", "%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return QCoreApplication::translate("Countdown", "%1 h").arg(minutes / 60);
    return QCoreApplication::translate("Countdown", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace Countdown
