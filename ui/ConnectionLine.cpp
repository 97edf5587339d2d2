#include "ConnectionLine.h"

#include "models/Countdown.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionLine", text);
}

QString withDetail(const QString &text, const QString &detail)
{
    return detail.isEmpty() ? text : tr("%1: %2").arg(text, detail);
}

} // namespace

QString ConnectionLine::detail() const
{
    if (!state)
        return {};
    if (readingSecret)
        return tr("reading the client secret from the keychain");
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
    if (!state)
        return tr("Not connected");
    if (readingSecret)
        return withDetail(tr("Connecting…"), detail());
    if (paused)
        return tr("Paused");
    const QString countdown = Countdown::text(state->secondsLeft(now));
    switch (state->kind) {
    case ConnectionState::Kind::Idle:
        if (demo)
            return tr("Demo tenant");
        // Nothing to ask about yet is not "connecting".
        return withDetail(hasTasks ? tr("Connecting…") : tr("Not connected"), detail());
    case ConnectionState::Kind::Ok:
        return demo ? tr("Demo tenant") : withDetail(tr("Connected"), detail());
    case ConnectionState::Kind::Offline:
        if (isCountingDown(now))
            return withDetail(tr("Offline, retrying in %1").arg(countdown), detail());
        return withDetail(tr("Offline"), detail());
    case ConnectionState::Kind::RateLimited:
        if (isCountingDown(now))
            return tr("Rate limited, resuming in %1").arg(countdown);
        return tr("Rate limited, resuming shortly");
    case ConnectionState::Kind::AuthFailed:
        return withDetail(tr("Sign-in failed"), detail());
    case ConnectionState::Kind::Misconfigured:
        return withDetail(tr("Not connected"), detail());
    }
    return {};
}
