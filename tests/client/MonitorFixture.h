#pragma once

#include "SimFixture.h"
#include "client/Batching.h"
#include "client/TaskMonitor.h"

#include <QTest>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

// What the engine tests share about TaskMonitors watching a simulated tenant.

// Every watched task has a status and no problem.
inline bool allHaveStatus(const TaskMonitor &monitor)
{
    const QList<WatchedTask> tasks = monitor.tasks();
    return std::all_of(tasks.begin(), tasks.end(), [](const WatchedTask &t) { return t.status && t.problem.isNone(); });
}

// A task id of the shape SailPoint gives: 32 hex digits.
inline QString hexId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

// Two TaskMonitors that each stay within a tight tenant's allowance (6 requests per 3 s) but would exceed it
// together: twelve finished tasks, six each, one GET per task. `profileFor(sim, i)` gives monitor i's profile;
// when both are counted as one client (one client id, one tenant, one version) the tenant sees its 12 reads
// and no 429. Returns after both have every status, or fails the test.
inline void expectOneAllowanceForTwoMonitors(const std::function<ConnectionProfile(const SimServer &, int)> &profileFor)
{
    SimConfig config;
    config.rateLimitRequests = 6;
    config.rateLimitSeconds = 3;
    auto sim = startSim(config);
    for (int i = 0; i < 12; ++i)
        sim->addTask(scenarioTask(0, 0, QStringLiteral("SUCCESS"), 3600)); // finished: one GET each
    const QStringList ids = sim->taskIds();
    std::vector<std::unique_ptr<TaskMonitor>> monitors;
    for (int i = 0; i < 2; ++i) {
        auto monitor = std::make_unique<TaskMonitor>(profileFor(*sim, i));
        monitor->setSecret(QStringLiteral("demo"));
        monitor->setRequestBudget(6, std::chrono::seconds(3));
        monitor->setFetchMode(Batching::FetchMode::PerId);
        monitor->addTasks(ids.mid(6 * i, 6));
        monitors.push_back(std::move(monitor));
    }
    QTRY_VERIFY_WITH_TIMEOUT(allHaveStatus(*monitors.at(0)) && allHaveStatus(*monitors.at(1)), 30000);
    QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")), 12);
    QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
}
