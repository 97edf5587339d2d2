#include "ConnectionStatus.h"

#include "models/Countdown.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionStatus", text);
}

// Whole seconds left, rounded up so the countdown shows "1 s" until the wait is really over.
qint64 secondsLeft(const QDateTime &until, const QDateTime &now)
{
    const qint64 ms = now.msecsTo(until);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

QString withDetail(const QString &text, const QString &detail)
{
    return detail.isEmpty() ? text : tr("%1: %2").arg(text, detail);
}

} // namespace

bool connectionStatusCountsDown(const ConnectionStatus &state, const QDateTime &now)
{
    const bool waits = state.kind == ConnectionKind::RateLimited || state.kind == ConnectionKind::Offline;
    return waits && state.until.isValid() && secondsLeft(state.until, now) > 0;
}

QString connectionStatusText(const ConnectionStatus &state, const QDateTime &now)
{
    switch (state.kind) {
    case ConnectionKind::Unknown:
        return withDetail(tr("Not connected"), state.detail);
    case ConnectionKind::Connecting:
        return withDetail(tr("Connecting…"), state.detail);
    case ConnectionKind::Online:
        return withDetail(tr("Connected"), state.detail);
    case ConnectionKind::Offline:
        if (connectionStatusCountsDown(state, now))
            return withDetail(tr("Offline, retrying in %1").arg(Countdown::text(secondsLeft(state.until, now))),
                              state.detail);
        return withDetail(tr("Offline"), state.detail);
    case ConnectionKind::RateLimited:
        if (connectionStatusCountsDown(state, now))
            return tr("Rate limited, resuming in %1").arg(Countdown::text(secondsLeft(state.until, now)));
        return tr("Rate limited, resuming shortly");
    case ConnectionKind::AuthFailed:
        return withDetail(tr("Sign-in failed"), state.detail);
    case ConnectionKind::Paused:
        return tr("Paused");
    case ConnectionKind::Demo:
        return withDetail(tr("Demo tenant"), state.detail);
    }
    return {};
}
