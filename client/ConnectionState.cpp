#include "ConnectionState.h"

#include "models/Countdown.h"

#include <QCoreApplication>

#include <cmath>

ConnectionState ConnectionState::of(Kind kind, const Sentence &message, const QDateTime &until)
{
    return {kind, message.english(), until, message.translated()};
}

QString ConnectionState::text(const QDateTime &now) const
{
    if ((kind != Kind::RateLimited && kind != Kind::Offline) || !until.isValid())
        return message;
    const qint64 seconds = std::max<qint64>(0, (now.msecsTo(until) + 999) / 1000);
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
