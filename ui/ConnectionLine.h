#pragma once

#include "models/ConnectionState.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// What the status line says about the connection: the engine's ConnectionState as it is, and what only the
// app knows around it (which tenant, the demo, a secret still on its way from the keychain, paused).
struct ConnectionLine
{
    std::optional<ConnectionState> state; // none: no engine watches anything
    QString tenant; // the host asked; empty on the demo tenant
    QString profile; // the current profile's name (rows carry it)
    bool demo = false;
    bool readingSecret = false; // the engine waits for its secret from the keychain
    bool paused = false;
    bool hasTasks = false; // rows of the current profile: an idle engine with nothing to ask about is not connecting
    QStringList others; // "sandbox: Signing in failed: …": tenants watched alongside that cannot watch now

    // "Rate limited, resuming in 7 s" (or "in 12 min"), counting down against `now`; never a negative count;
    // then the tenants watched alongside that cannot watch now.
    QString text(const QDateTime &now) const;
    // The tooltip: the tenant, or the engine's own sentence.
    QString detail() const;
    // True while the text changes by itself with time (a countdown is showing).
    bool isCountingDown(const QDateTime &now) const;

    friend bool operator==(const ConnectionLine &, const ConnectionLine &) = default;

private:
    QString currentText(const QDateTime &now) const; // the current profile's part of text()
};
