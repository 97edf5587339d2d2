#include "RetryAfter.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace RetryAfter {

std::chrono::seconds delay(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return Default;
    qint64 seconds = -1;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber) {
        seconds = number < 0 ? 0 : qint64(std::min(number, double(Maximum.count())) + 0.999);
    } else {
        // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
        const QDateTime local =
                QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        if (!local.isValid())
            return Default;
        const QDateTime at(local.date(), local.time(), QTimeZone::utc());
        seconds = (now.msecsTo(at) + 999) / 1000;
    }
    return std::chrono::seconds(std::clamp<qint64>(seconds, 1, Maximum.count()));
}

} // namespace RetryAfter
