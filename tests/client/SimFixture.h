#pragma once

#include "models/ConnectionProfile.h"
#include "sim/SimServer.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

// A simulated tenant on loopback for one test, and what the tests read from its statistics.
// A tenant that allows a client only Taskwatch's default share of SailPoint's limit (50 of 100 per 10 s): a
// request beyond the share is answered 429, which tests count (the stat "rateLimited").
inline SimConfig allowingTheDefaultShare(SimConfig config = SimConfig())
{
    config.rateLimitRequests = 50;
    config.rateLimitSeconds = 10;
    return config;
}

inline std::unique_ptr<SimServer> startSim(const SimConfig &config = SimConfig(), quint16 port = 0)
{
    auto sim = std::make_unique<SimServer>(config);
    if (!sim->listen(port))
        qFatal("the simulated tenant cannot listen: %s", qPrintable(sim->errorString()));
    return sim;
}

// Requests the sim answered on a route (e.g. "GET /v2025/task-status/{id}") with an outcome ("200"); an
// empty outcome counts every outcome.
inline qint64 simCount(const SimServer &sim, const QString &route, const QString &outcome = {})
{
    const QJsonObject outcomes = sim.stats().value(QStringLiteral("requests")).toObject().value(route).toObject();
    if (!outcome.isEmpty())
        return outcomes.value(outcome).toInteger();
    qint64 total = 0;
    for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
        total += it.value().toInteger();
    return total;
}

inline qint64 simStat(const SimServer &sim, const QString &key)
{
    return sim.stats().value(key).toInteger();
}

inline QString taskRoute(ApiVersion version)
{
    return QStringLiteral("GET ") + ApiVersions::taskPath(version, QStringLiteral("{id}"));
}

inline QString listRoute(ApiVersion version)
{
    return QStringLiteral("GET ") + ApiVersions::listPath(version);
}

inline ConnectionProfile simProfile(const SimServer &sim, ApiVersion version = ApiVersion::V2025,
                                    const QString &clientId = QStringLiteral("demo"))
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("sim");
    profile.baseUrl = sim.baseUrl();
    profile.apiVersion = version;
    profile.clientId = clientId;
    return profile;
}

// A scenario entry: a task that runs `duration` simulated seconds after `startDelay`, then ends with `outcome`.
inline QJsonObject scenarioTask(double startDelay, double duration, const QString &outcome = QStringLiteral("SUCCESS"),
                                double createdAgo = 0)
{
    return QJsonObject {{QStringLiteral("startDelay"), startDelay},
                        {QStringLiteral("duration"), duration},
                        {QStringLiteral("outcome"), outcome},
                        {QStringLiteral("createdAgo"), createdAgo}};
}
