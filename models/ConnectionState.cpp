#include "ConnectionState.h"

#include "Countdown.h"

namespace {

bool waits(ConnectionState::Kind kind)
{
    return kind == ConnectionState::Kind::RateLimited || kind == ConnectionState::Kind::Offline;
}

} // namespace

qint64 ConnectionState::secondsLeft(const QDateTime &now) const
{
    if (!waits(kind) || !until.isValid())
        return 0;
    const qint64 ms = now.msecsTo(until);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

bool ConnectionState::isCountingDown(const QDateTime &now) const
{
    return secondsLeft(now) > 0;
}

QString ConnectionState::text(const QDateTime &now) const
{
    if (!waits(kind) || !until.isValid())
        return message;
    const qint64 seconds = secondsLeft(now);
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
