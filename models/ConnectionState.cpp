#include "ConnectionState.h"

#include "Countdown.h"

#include <QCoreApplication>

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

ConnectionState ConnectionState::of(Kind kind, const Sentence &message, const QDateTime &until)
{
    return {kind, message.english(), until, message.translated()};
}

QString ConnectionState::text(const QDateTime &now) const
{
    if (!waits(kind) || !until.isValid())
        return shownMessage();
    const qint64 seconds = secondsLeft(now);
    QString sentence = shownMessage();
    while (sentence.endsWith(u'.'))
        sentence.chop(1);
    if (sentence.isEmpty())
        sentence = kind == Kind::RateLimited ? QCoreApplication::translate("ConnectionState", "Rate limited")
                                             : QCoreApplication::translate("ConnectionState", "Offline");
    return kind == Kind::RateLimited ? QCoreApplication::translate("ConnectionState", "%1, resuming in %2.")
                                               .arg(sentence, Countdown::text(seconds))
                                     : QCoreApplication::translate("ConnectionState", "%1, retrying in %2.")
                                               .arg(sentence, Countdown::text(seconds));
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
