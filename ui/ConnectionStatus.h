#pragma once

#include <QDateTime>
#include <QString>

// The engine's connection state as the status bar shows it. The app maps the engine's own enum onto
// this one, so ui/ never needs the network client.
enum class ConnectionKind {
    Unknown, // nothing known yet
    Connecting, // signing in or first request on the way
    Online, // the last request was answered
    Offline, // network unreachable; `until` is the next retry when known
    RateLimited, // 429: waiting until `until` (Retry-After)
    AuthFailed, // credentials rejected: polling stopped until they change
    Paused, // the user paused watching
    Demo, // watching the simulated demo tenant
};

struct ConnectionStatus
{
    ConnectionKind kind = ConnectionKind::Unknown;
    QString detail; // e.g. the tenant, or the error sentence
    QDateTime until; // when a wait ends (rate limit, next retry); invalid when none

    friend bool operator==(const ConnectionStatus &, const ConnectionStatus &) = default;
};

// "Rate limited, resuming in 7 s" (or "in 12 min"), counting down against `now`; never a negative count.
QString connectionStatusText(const ConnectionStatus &state, const QDateTime &now);
// True while the text changes by itself with time (a countdown is showing).
bool connectionStatusCountsDown(const ConnectionStatus &state, const QDateTime &now);
