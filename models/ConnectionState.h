#pragma once

#include "Sentence.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// How a profile's connection to its tenant is doing, as the engine reports it: one plain value for the status
// bar, the tray and the CLI alike (ui/ shows it directly, with what only the app knows around it).
struct ConnectionState
{
    enum class Kind {
        Idle, // nothing asked yet
        Ok, // the last request got an answer
        RateLimited, // waiting for a 429's Retry-After; `until` says when requests resume
        AuthFailed, // the credentials were refused: polling stops until they change
        Offline, // no answer (network, TLS, timeout); retrying with backoff, `until` is the next try
        Misconfigured, // the profile cannot work as set (URL policy, CA file, missing client id or secret)
    };

    Kind kind = Kind::Idle;
    // One readable sentence in English (for RateLimited and Offline, without the countdown): for logs and
    // output for programs.
    QString message;
    QDateTime until; // RateLimited / Offline: when requests resume; invalid otherwise
    QString translatedMessage; // the same sentence translated; empty when set as English only

    static ConnectionState of(Kind kind, const Sentence &message, const QDateTime &until = {});
    // What the UI and the CLI's human output show: the translation, else the English sentence.
    QString shownMessage() const { return translatedMessage.isEmpty() ? message : translatedMessage; }
    // The shown message with a countdown where there is one: "Rate limited, resuming in 7 s."
    QString text(const QDateTime &now) const;

    // Whole seconds until `until`, rounded up so that a countdown reads "1 s" until the wait is really over;
    // never negative, 0 where there is no wait. The one countdown both the CLI and the status bar show.
    qint64 secondsLeft(const QDateTime &now) const;
    // True while requests wait (rate limited or offline) and the wait is still ahead of `now`.
    bool isCountingDown(const QDateTime &now) const;

    friend bool operator==(const ConnectionState &, const ConnectionState &) = default;
};

QString connectionStateKindName(ConnectionState::Kind kind);

Q_DECLARE_METATYPE(ConnectionState)
