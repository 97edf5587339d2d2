#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One accepted client id / secret pair. Each pair has its own rate-limit budget, as on a real tenant.
struct SimCredentials
{
    QString clientId;
    QString clientSecret;
};

// Everything that shapes a simulated tenant. The defaults behave like Identity Security Cloud.
struct SimConfig
{
    QList<SimCredentials> credentials {{QStringLiteral("demo"), QStringLiteral("demo")}};
    // Client ids whose tokens lack idn:task-management:write (an API client, or a user below the admin
    // levels): reads work, PATCH gets 403.
    QStringList readOnlyClients;
    int rateLimitRequests = 100; // per client id and API version; 0 disables the limit
    int rateLimitSeconds = 10;
    bool experimentalHeaderRequired = true; // v2024/v2025/v2026
    int tokenTtlSeconds = 749; // may be 0 or negative, as misconfigured proxies send
    double speed = 1.0; // simulated seconds per real second
    int seededTasks = 0;
    quint64 seed = 1;
    QString scenarioFile; // optional JSON, see sim/README.md
    double failRate = 0, dropRate = 0, truncateRate = 0; // 0..1 each, their sum at most 1
    int latencyMinMs = 0, latencyMaxMs = 0;
    // Both set: serve HTTPS with this PEM certificate (chain) and PEM private key (RSA or EC) instead of HTTP.
    QString tlsCertificateFile;
    QString tlsKeyFile;
};
