#include "ConnectionState.h"

#include "models/Countdown.h"

#include <cmath>

QString ConnectionState::text(const QDateTime &now) const
{
    if ((kind != Kind::RateLimited && kind != Kind::Offline) || !until.isValid())
        return message;
    const qint64 seconds = std::max<qint64>(0, (now.msecsTo(until) + 999) / 1000);
    QString sentence = message;
    while (sentence.endsWith(u'.'))
        sentence.chop(1);
    if (sentence.isEmpty())
        sentence = kind == Kind::RateLimited ? QStringLiteral("Rate limited") : QStringLiteral("Offline");
    return QStringLiteral("%1, %2 in %3.")
            .arg(sentence, kind == Kind::RateLimited ? QStringLiteral("resuming") : QStringLiteral("retrying"),
                 Countdown::text(seconds));
}

QString connectionStateKindName(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::Kind::Idle:
        return QStringLiteral("Idle");
    case ConnectionState::Kind::Ok:
        return QStringLiteral("Ok");
    case ConnectionState::Kind::RateLimited:
        return QStringLiteral("RateLimited");
    case ConnectionState::Kind::AuthFailed:
        return QStringLiteral("AuthFailed");
    case ConnectionState::Kind::Offline:
        return QStringLiteral("Offline");
    case ConnectionState::Kind::Misconfigured:
        return QStringLiteral("Misconfigured");
    }
    return {};
}
