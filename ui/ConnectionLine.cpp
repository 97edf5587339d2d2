#include "ConnectionLine.h"

#include "models/Countdown.h"

#include <QCoreApplication>

namespace {

// The context lupdate files these texts under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionLine)
};

QString withDetail(const QString &text, const QString &detail)
{
    return detail.isEmpty() ? text : Text::tr("%1: %2").arg(text, detail);
}

} // namespace

QString ConnectionLine::detail() const
{
    if (!state)
        return {};
    if (readingSecret)
        return Text::tr("reading the client secret from the keychain");
    if (paused)
        return {};
    switch (state->kind) {
    case ConnectionState::Kind::Idle:
    case ConnectionState::Kind::Ok:
        return demo ? QString() : tenant;
    case ConnectionState::Kind::RateLimited:
    case ConnectionState::Kind::Offline:
    case ConnectionState::Kind::AuthFailed:
    case ConnectionState::Kind::Misconfigured:
        break;
    }
    return state->shownMessage();
}

bool ConnectionLine::isCountingDown(const QDateTime &now) const
{
    return state && !readingSecret && !paused && state->isCountingDown(now);
}

QString ConnectionLine::text(const QDateTime &now) const
{
    const QString own = currentText(now);
    return others.isEmpty() ? own : own + QStringLiteral(" · ") + others.join(QStringLiteral(" · "));
}

QString ConnectionLine::currentText(const QDateTime &now) const
{
    if (!state)
        return Text::tr("Not connected");
    if (readingSecret)
        return withDetail(Text::tr("Connecting…"), detail());
    if (paused)
        return Text::tr("Paused");
    const QString countdown = Countdown::text(state->secondsLeft(now));
    switch (state->kind) {
    case ConnectionState::Kind::Idle:
        if (demo)
            return Text::tr("Demo tenant");
        // Nothing to ask about yet is not "connecting".
        return withDetail(hasTasks ? Text::tr("Connecting…") : Text::tr("Not connected"), detail());
    case ConnectionState::Kind::Ok:
        return demo ? Text::tr("Demo tenant") : withDetail(Text::tr("Connected"), detail());
    case ConnectionState::Kind::Offline:
        if (isCountingDown(now))
            return withDetail(Text::tr("Offline, retrying in %1").arg(countdown), detail());
        return withDetail(Text::tr("Offline"), detail());
    case ConnectionState::Kind::RateLimited:
        if (isCountingDown(now))
            return Text::tr("Rate limited, resuming in %1").arg(countdown);
        return Text::tr("Rate limited, resuming shortly");
    case ConnectionState::Kind::AuthFailed:
        return withDetail(Text::tr("Sign-in failed"), detail());
    case ConnectionState::Kind::Misconfigured:
        return withDetail(Text::tr("Not connected"), detail());
    }
    return {};
}
