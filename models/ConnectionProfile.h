#pragma once

#include "models/ApiVersion.h"
#include "models/Sentence.h"

#include <QString>
#include <QUrl>

// Where and as whom a TaskMonitor connects: the one value type of a connection profile, shared by the
// engine, the CLI and the settings dialog. The client secret is deliberately not part of it: it lives in
// the keychain (or comes from the environment or stdin) and is handed to the engine with setSecret().
// Stored by client/ProfileStore.
struct ConnectionProfile
{
    QString name;
    QUrl baseUrl; // e.g. https://acme.api.identitynow.com, no version path
    ApiVersion apiVersion = ApiVersion::V2025;
    QString clientId;
    QString caFile; // optional PEM file of extra CA certificates (a corporate proxy's), added to the system's
    // The desktop app watches this tenant too while another profile is current (a sandbox beside production),
    // with an engine and a rate-limit budget of its own.
    bool watchAlongside = false;

    // Why this profile cannot be used; empty when it can. Checks the URL policy and the client id.
    Sentence problem() const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// The task-status list of v2025, v2026 and v1 accepts `completionStatus isnull` (running tasks).
bool supportsRunningFilter(ApiVersion version);
