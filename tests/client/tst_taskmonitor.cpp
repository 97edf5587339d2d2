#include "MonitorFixture.h"
#include "SimFixture.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "client/WatchList.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;

namespace {

// Records every taskChanged and notes any that repeats the previous one for the same task: each
// emission must carry a real change (status, last check, next check, error, label, paused).
struct ChangeLog
{
    QHash<QString, QList<WatchedTask>> changes;
    QStringList repeats;

    static bool same(const WatchedTask &a, const WatchedTask &b)
    {
        const bool sameStatus =
                a.status.has_value() == b.status.has_value() && (!a.status || a.status->rawJson == b.status->rawJson);
        return sameStatus && a.label == b.label && a.checkedAt == b.checkedAt && a.nextCheckAt == b.nextCheckAt
                && a.paused == b.paused && a.problem == b.problem;
    }
    void attach(TaskMonitor &monitor)
    {
        QObject::connect(&monitor, &TaskMonitor::taskChanged, &monitor, [this](const WatchedTask &task) {
            QList<WatchedTask> &list = changes[task.id];
            if (!list.isEmpty() && same(list.last(), task))
                repeats.append(task.id);
            list.append(task);
        });
    }
    bool sawState(const QString &id, TaskState state) const
    {
        const QList<WatchedTask> list = changes.value(id);
        return std::any_of(list.begin(), list.end(),
                           [&](const WatchedTask &t) { return t.status && t.status->state() == state; });
    }
};

bool allFinished(const TaskMonitor &monitor)
{
    const QList<WatchedTask> tasks = monitor.tasks();
    return !tasks.isEmpty() && std::all_of(tasks.begin(), tasks.end(), [](const WatchedTask &t) {
        return t.status && isFinished(t.status->state());
    });
}

QJsonObject withId(QJsonObject entry, const QString &id)
{
    entry.insert(QStringLiteral("id"), id);
    return entry;
}

// The fewest list calls for these ids (all of one length), from the URL the API contract gives:
// <base><list path>?limit=250&filters=id in ("a","b",...), fully percent-encoded, under 8 KiB, ≤ 250 ids.
qsizetype fewestListCalls(const QStringList &ids, const QUrl &base, ApiVersion version)
{
    auto length = [&](qsizetype count) {
        QStringList quoted;
        for (qsizetype i = 0; i < count; ++i)
            quoted.append(QString(u'"' + ids.at(i) + u'"'));
        const QString filter = QStringLiteral("id in (") + quoted.join(u',') + u')';
        return base.toString().size() + ApiVersions::listPath(version).size() + QByteArray("?limit=250&filters=").size()
                + QUrl::toPercentEncoding(filter).size();
    };
    qsizetype perCall = 0;
    while (perCall < 250 && perCall < ids.size() && length(perCall + 1) < 8192)
        ++perCall;
    return (ids.size() + perCall - 1) / perCall;
}

} // namespace

class TestTaskMonitor : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TaskMonitor> monitorFor(const SimServer &sim, ApiVersion version = ApiVersion::V2025,
                                            const QString &secret = QStringLiteral("demo"))
    {
        auto monitor = std::make_unique<TaskMonitor>(simProfile(sim, version));
        monitor->setSecret(secret);
        monitor->setPollInterval(seconds(1));
        return monitor;
    }

    // Nothing goes out by itself: once the round already asked for has been answered, no check is armed and
    // nothing waits in the transport (a queue behind the budget or a Retry-After would go out later), and the
    // tenant counts no request over a whole period of the scheduler (its poll interval, and a second more).
    // Empty when so, else what went wrong.
    static QString silenceBrokenOver(const SimServer &sim, TaskMonitor &monitor)
    {
        const ApiTransport *transport = monitor.client()->transport();
        const int period = int(milliseconds(monitor.pollInterval()).count()) + 1000;
        if (!QTest::qWaitFor(
                    [&] {
                        return !monitor.checkScheduled() && transport->inFlightCount() == 0
                                && transport->queuedCount() == 0;
                    },
                    period))
            return QStringLiteral("a check stays scheduled, or a request stays on its way");
        const qint64 before = simStat(sim, QStringLiteral("totalRequests"));
        QSignalSpy handled(&sim, &SimServer::requestHandled);
        if (!handled.isEmpty() || handled.wait(period))
            return QStringLiteral("the tenant was asked: ") + handled.first().first().toString();
        if (simStat(sim, QStringLiteral("totalRequests")) != before)
            return QStringLiteral("the tenant counted a request");
        return {};
    }

private Q_SLOTS:
    void watchesTasksToTheirOutcomesOnEveryVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : ApiVersions::all())
            QTest::newRow(qPrintable(ApiVersions::name(version))) << version;
    }
    void watchesTasksToTheirOutcomesOnEveryVersion()
    {
        QFETCH(ApiVersion, version);
        SimConfig config;
        config.speed = 10; // ten simulated seconds per second
        auto sim = startSim(config);
        const QList<std::pair<QJsonObject, CompletionStatus>> scenario {
                {scenarioTask(0, 10, QStringLiteral("SUCCESS")), CompletionStatus::Success},
                {scenarioTask(5, 15, QStringLiteral("WARNING")), CompletionStatus::Warning},
                {scenarioTask(0, 20, QStringLiteral("ERROR")), CompletionStatus::Error},
                {scenarioTask(2, 8, QStringLiteral("TERMINATED")), CompletionStatus::Terminated},
                {scenarioTask(0, 25, QStringLiteral("TEMPERROR")), CompletionStatus::TempError}};
        QHash<QString, CompletionStatus> expected;
        for (const auto &[entry, outcome] : scenario)
            expected.insert(sim->addTask(entry), outcome);

        auto monitor = monitorFor(*sim, version);
        ChangeLog log;
        log.attach(*monitor);
        monitor->addTasks(sim->taskIds());
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(*monitor), 30000);

        for (const WatchedTask &task : monitor->tasks()) {
            QCOMPARE(task.status->completionStatus, expected.value(task.id));
            QVERIFY(task.problem.isNone());
            QVERIFY(!task.nextCheckAt.isValid()); // finished: no timed check planned
        }
        QVERIFY(log.sawState(sim->taskIds().first(), TaskState::Running));
        QVERIFY2(log.repeats.isEmpty(), qPrintable(log.repeats.join(u',')));
        QCOMPARE(monitor->connectionState().kind, ConnectionState::Kind::Ok);

        if (ApiVersions::listsCompletedOnly(version)) {
            QVERIFY(simCount(*sim, taskRoute(version), QStringLiteral("200")) >= 5); // running ones singly
        } else {
            QCOMPARE(simCount(*sim, taskRoute(version)), 0); // the list answered for every task
            QVERIFY(simCount(*sim, listRoute(version), QStringLiteral("200")) >= 2);
        }
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);

        // Finished tasks cost nothing more: not a single request over a whole scheduler period.
        const QString loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
    }

    void thousandRunningTasksCostTheFewestListCalls()
    {
        auto sim = startSim();
        for (int i = 0; i < 1000; ++i)
            sim->addTask(scenarioTask(0, 3600));
        const QStringList ids = sim->taskIds();
        auto monitor = monitorFor(*sim, ApiVersion::V2025);
        QSignalSpy refreshed(monitor.get(), &TaskMonitor::refreshed);
        monitor->addTasks(ids);
        QVERIFY(refreshed.wait(30000));

        const qsizetype expectedCalls = fewestListCalls(ids, sim->baseUrl(), ApiVersion::V2025);
        QVERIFY(expectedCalls >= 4); // 32-character ids: the 8 KiB limit, not the 250-id one, decides
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("200")), expectedCalls);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025)), 0);
        QVERIFY(simStat(*sim, QStringLiteral("tokensIssued")) <= 1);
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")),
                 expectedCalls + simStat(*sim, QStringLiteral("tokensIssued")));
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("414")), 0);
        QVERIFY(allHaveStatus(*monitor));
        QCOMPARE(monitor->task(ids.last())->status->state(), TaskState::Running);
    }

    void v2024CompletedFromTheListRunningSingly()
    {
        auto sim = startSim();
        for (int i = 0; i < 300; ++i)
            sim->addTask(scenarioTask(0, 60, QStringLiteral("SUCCESS"), 3600)); // finished an hour ago
        for (int i = 0; i < 40; ++i)
            sim->addTask(scenarioTask(0, 3600));
        const QStringList ids = sim->taskIds();
        auto monitor = monitorFor(*sim, ApiVersion::V2024);
        QSignalSpy refreshed(monitor.get(), &TaskMonitor::refreshed);
        monitor->addTasks(ids);
        QVERIFY(refreshed.wait(30000));

        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2024), QStringLiteral("200")),
                 fewestListCalls(ids, sim->baseUrl(), ApiVersion::V2024));
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2024), QStringLiteral("200")), 40);
        QVERIFY(allHaveStatus(*monitor));
        QCOMPARE(monitor->task(ids.first())->status->state(), TaskState::Success);
        QCOMPARE(monitor->task(ids.last())->status->state(), TaskState::Running);

        // Next round: the running ones go straight to single GETs; the finished ones cost nothing.
        const qint64 listsBefore = simCount(*sim, listRoute(ApiVersion::V2024));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2024)), listsBefore);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2024), QStringLiteral("200")), 80);
    }

    void perIdModeSendsOneGetPerTask()
    {
        auto sim = startSim();
        for (int i = 0; i < 5; ++i)
            sim->addTask(scenarioTask(0, 3600));
        auto monitor = monitorFor(*sim, ApiVersion::V2025);
        monitor->setFetchMode(Batching::FetchMode::PerId);
        QSignalSpy refreshed(monitor.get(), &TaskMonitor::refreshed);
        monitor->addTasks(sim->taskIds());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")), 5);
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025)), 0);
    }

    void wrongCredentialsStopPollingUntilChanged()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 3600));
        auto monitor = monitorFor(*sim, ApiVersion::V2025, QStringLiteral("wrong"));
        QSignalSpy states(monitor.get(), &TaskMonitor::connectionStateChanged);
        monitor->addTasks(sim->taskIds());
        QTRY_COMPARE(monitor->connectionState().kind, ConnectionState::Kind::AuthFailed);
        QVERIFY2(monitor->connectionState().message.contains(QStringLiteral("Authentication failed")),
                 qPrintable(monitor->connectionState().message));
        const WatchedTask task = monitor->tasks().first();
        QCOMPARE(task.problem.kind, FetchProblem::Kind::Auth);
        QCOMPARE(task.displayState(), DisplayState::AuthError);
        QVERIFY(!task.nextCheckAt.isValid());

        QString loud = silenceBrokenOver(*sim, *monitor); // polling stopped
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
        monitor->refreshNow(); // nor does "refresh now" send the refused credentials again
        loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 1);
        QCOMPARE(simCount(*sim, QStringLiteral("POST /oauth/token"), QStringLiteral("401")), 1);

        monitor->setSecret(QStringLiteral("demo"));
        QTRY_VERIFY(allHaveStatus(*monitor));
        QCOMPARE(monitor->connectionState().kind, ConnectionState::Kind::Ok);
    }

    void profilesWithOneClientIdShareTheAllowance()
    {
        // The tenant counts per client id and API version, not per profile: two profiles with the same
        // client id, each within the allowance on its own, must not exceed it together.
        expectOneAllowanceForTwoMonitors([](const SimServer &sim, int i) {
            ConnectionProfile profile = simProfile(sim);
            profile.name = i == 0 ? QStringLiteral("first") : QStringLiteral("second");
            return profile;
        });
    }

    void tokenExpiringOnTheTenantIsRenewedWithoutAnError()
    {
        SimConfig config;
        config.tokenTtlSeconds = 1;
        auto sim = startSim(config);
        sim->addTask(scenarioTask(0, 3600));
        auto monitor = monitorFor(*sim);
        ChangeLog log;
        log.attach(*monitor);
        monitor->addTasks(sim->taskIds());
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("401")) >= 1, 15000);
        const qint64 okBefore = simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("200"));
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("200")) > okBefore + 1,
                                 15000);
        for (const WatchedTask &change : log.changes.value(sim->taskIds().first()))
            QVERIFY(change.problem.isNone());
        QVERIFY(monitor->connectionState().kind != ConnectionState::Kind::AuthFailed);
        QVERIFY(simStat(*sim, QStringLiteral("tokensIssued")) >= 2);
    }

    void tokensExpiredOnIssueStopWithoutALoop()
    {
        SimConfig config;
        config.tokenTtlSeconds = 0; // expires_in 0 and tokens already expired
        auto sim = startSim(config);
        sim->addTask(scenarioTask(0, 3600));
        auto monitor = monitorFor(*sim);
        monitor->addTasks(sim->taskIds());
        QTRY_COMPARE(monitor->connectionState().kind, ConnectionState::Kind::AuthFailed);
        const QString loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 2); // the first, and one renewal after the 401
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 4);
    }

    void missingTaskIsConfirmedThenBacksOff()
    {
        auto sim = startSim();
        const QString missing = hexId(0xdead);
        auto monitor = monitorFor(*sim);
        QSignalSpy changed(monitor.get(), &TaskMonitor::taskChanged);
        monitor->addTasks({missing});
        QTRY_COMPARE(monitor->task(missing)->problem.kind, FetchProblem::Kind::NotFound);
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("200")), 1);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("404")), 1); // confirmed singly
        WatchedTask task = *monitor->task(missing);
        QCOMPARE(task.displayState(), DisplayState::NotFound);
        QCOMPARE(task.problem.httpStatus, 404);
        qint64 wait = task.checkedAt.msecsTo(task.nextCheckAt);
        QVERIFY2(wait >= 1000 && wait <= 2000, qPrintable(QString::number(wait))); // 1st: one to two intervals

        // The next check goes straight to a single GET, and waits twice as long afterwards.
        QTRY_COMPARE_WITH_TIMEOUT(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("404")), 2, 10000);
        QTRY_VERIFY(monitor->task(missing)->checkedAt > task.checkedAt);
        task = *monitor->task(missing);
        wait = task.checkedAt.msecsTo(task.nextCheckAt);
        QVERIFY2(wait >= 2000 && wait <= 4000, qPrintable(QString::number(wait)));
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025)), 1);
    }

    void serverErrorsBackOffAndRecover()
    {
        SimConfig failing;
        failing.failRate = 1.0; // every request: 500
        auto sim = startSim(failing);
        const quint16 port = quint16(sim->baseUrl().port());
        const QString id = hexId(1);
        sim->addTask(withId(scenarioTask(0, 3600), id));
        auto monitor = monitorFor(*sim);
        monitor->addTasks({id});
        QTRY_COMPARE(monitor->task(id)->problem.kind, FetchProblem::Kind::Fetch);
        WatchedTask task = *monitor->task(id);
        QCOMPARE(task.problem.httpStatus, 500);
        QCOMPARE(task.displayState(), DisplayState::FetchError);
        const qint64 firstWait = task.checkedAt.msecsTo(task.nextCheckAt);
        QVERIFY2(firstWait >= 1000 && firstWait <= 2000, qPrintable(QString::number(firstWait)));
        QTRY_VERIFY_WITH_TIMEOUT(monitor->task(id)->checkedAt > task.checkedAt, 10000);
        task = *monitor->task(id);
        const qint64 secondWait = task.checkedAt.msecsTo(task.nextCheckAt);
        QVERIFY2(secondWait >= 2000 && secondWait <= 4000, qPrintable(QString::number(secondWait)));

        // The tenant recovers (same port, same task): so does the task.
        sim.reset();
        auto healthy = startSim(SimConfig(), port);
        healthy->addTask(withId(scenarioTask(0, 3600), id));
        QTRY_VERIFY_WITH_TIMEOUT(monitor->task(id)->problem.isNone() && monitor->task(id)->status.has_value(), 15000);
        QCOMPARE(monitor->task(id)->status->state(), TaskState::Running);
        QCOMPARE(monitor->connectionState().kind, ConnectionState::Kind::Ok);
    }

    void droppedConnectionsHoldTheProfileAndRecover()
    {
        SimConfig dropping;
        dropping.dropRate = 1.0;
        auto sim = startSim(dropping);
        const quint16 port = quint16(sim->baseUrl().port());
        const QString id = hexId(2);
        sim->addTask(withId(scenarioTask(0, 3600), id));
        auto monitor = monitorFor(*sim);
        QSignalSpy states(monitor.get(), &TaskMonitor::connectionStateChanged);
        monitor->addTasks({id});
        QTRY_COMPARE(monitor->connectionState().kind, ConnectionState::Kind::Offline);
        const ConnectionState offline = monitor->connectionState();
        QVERIFY(offline.until.isValid());
        QVERIFY2(offline.text(QDateTime::currentDateTimeUtc()).contains(QStringLiteral("retrying in")),
                 qPrintable(offline.text(QDateTime::currentDateTimeUtc())));
        QTRY_COMPARE(monitor->task(id)->problem.kind, FetchProblem::Kind::Fetch);
        QCOMPARE(monitor->task(id)->problem.httpStatus, 0);
        QCOMPARE(monitor->task(id)->nextCheckAt, offline.until); // the whole profile waits

        sim.reset(); // now nothing listens at all: connection refused
        QTRY_VERIFY_WITH_TIMEOUT(monitor->connectionState().until > offline.until, 15000);
        QCOMPARE(monitor->connectionState().kind, ConnectionState::Kind::Offline);

        auto healthy = startSim(SimConfig(), port);
        healthy->addTask(withId(scenarioTask(0, 3600), id));
        QTRY_COMPARE_WITH_TIMEOUT(monitor->connectionState().kind, ConnectionState::Kind::Ok, 30000);
        QTRY_VERIFY(monitor->task(id)->problem.isNone() && monitor->task(id)->status.has_value());
    }

    void pauseAndResume()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 3600));
        sim->addTask(scenarioTask(0, 3600));
        const QString a = sim->taskIds().at(0);
        const QString b = sim->taskIds().at(1);
        auto monitor = monitorFor(*sim);
        monitor->addTasks(sim->taskIds());
        QTRY_VERIFY(allHaveStatus(*monitor));

        monitor->setPaused(true);
        QVERIFY(monitor->isPaused());
        for (const WatchedTask &task : monitor->tasks())
            QVERIFY(!task.nextCheckAt.isValid());
        const QString loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
        QSignalSpy handled(sim.get(), &SimServer::requestHandled);
        monitor->setPaused(false);
        QVERIFY(handled.wait(5000));
        QVERIFY(monitor->task(a)->nextCheckAt.isValid());

        // One task paused: it stays as it was while the other is checked on.
        monitor->setTaskPaused(a, true);
        QVERIFY(monitor->task(a)->paused);
        QVERIFY(!monitor->task(a)->nextCheckAt.isValid());
        QSignalSpy refreshed(monitor.get(), &TaskMonitor::refreshed);
        QVERIFY(refreshed.wait(5000)); // a check of `a` already on its way may still land
        const QDateTime aChecked = monitor->task(a)->checkedAt;
        const QDateTime bChecked = monitor->task(b)->checkedAt;
        QTRY_VERIFY_WITH_TIMEOUT(monitor->task(b)->checkedAt > bChecked, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(monitor->task(b)->checkedAt > bChecked.addMSecs(1500), 5000);
        QCOMPARE(monitor->task(a)->checkedAt, aChecked);
        monitor->setTaskPaused(a, false);
        QTRY_VERIFY_WITH_TIMEOUT(monitor->task(a)->checkedAt > aChecked, 5000);
    }

    void refreshNowChecksFinishedTasksOnce()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 60, QStringLiteral("SUCCESS"), 3600));
        const QString id = sim->taskIds().first();
        auto monitor = monitorFor(*sim);
        monitor->addTasks({id});
        QTRY_VERIFY(allFinished(*monitor));
        const QDateTime checked = monitor->task(id)->checkedAt;
        const qint64 before = simStat(*sim, QStringLiteral("totalRequests"));
        QSignalSpy refreshed(monitor.get(), &TaskMonitor::refreshed);
        monitor->refreshNow();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), before + 1);
        QVERIFY(monitor->task(id)->checkedAt > checked);
        QVERIFY(!monitor->task(id)->nextCheckAt.isValid()); // still finished: no timer
        const QString loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
    }

    void rateLimitIsVisibleAndRidden()
    {
        SimConfig config;
        config.rateLimitRequests = 3;
        config.rateLimitSeconds = 2;
        auto sim = startSim(config);
        for (int i = 0; i < 8; ++i)
            sim->addTask(scenarioTask(0, 3600));
        auto monitor = monitorFor(*sim);
        monitor->setFetchMode(Batching::FetchMode::PerId);
        QList<ConnectionState> states;
        connect(monitor.get(), &TaskMonitor::connectionStateChanged, this,
                [&](const ConnectionState &state) { states.append(state); });
        monitor->addTasks(sim->taskIds());
        // About 14 s on an idle machine (the sim's 3 requests per 2 s, its Retry-After holds); the bound only
        // stops a hung run, so it leaves room for a loaded one (30.2 s seen with the suite running beside it).
        QTRY_VERIFY_WITH_TIMEOUT(allHaveStatus(*monitor), 90000);
        const qsizetype limited =
                std::find_if(states.begin(), states.end(),
                             [](const ConnectionState &s) { return s.kind == ConnectionState::Kind::RateLimited; })
                - states.begin();
        QVERIFY(limited < states.size());
        const ConnectionState wait = states.at(limited);
        QVERIFY(wait.until.isValid());
        QVERIFY(wait.text(wait.until.addSecs(-7)).contains(QStringLiteral("resuming in 7 s")));
        // After the wait, requests resume and the state says so (until the next 429 of the storm).
        const auto resumed = [&] {
            return std::any_of(states.begin() + limited, states.end(),
                               [](const ConnectionState &s) { return s.kind == ConnectionState::Kind::Ok; });
        };
        QTRY_VERIFY(resumed());
    }

    void misconfigurationIsReportedAndSendsNothing()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("p");
        profile.baseUrl = QUrl(QStringLiteral("http://acme.api.identitynow.com"));
        profile.clientId = QStringLiteral("id");
        TaskMonitor monitor(profile);
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Misconfigured);
        QVERIFY(monitor.connectionState().message.contains(QStringLiteral("plain http://")));
        monitor.setSecret(QStringLiteral("secret"));
        monitor.addTasks({hexId(3)});
        monitor.setPollInterval(seconds(1));
        // No tenant to count here: no check is armed, nothing waits in the transport, and over a whole
        // scheduler period (the poll interval and a second more) nothing was handed to the network.
        const ApiTransport *transport = monitor.client()->transport();
        QVERIFY(!monitor.checkScheduled());
        QCOMPARE(transport->queuedCount(), 0);
        QCOMPARE(transport->inFlightCount(), 0);
        QSignalSpy changed(&monitor, &TaskMonitor::taskChanged);
        QVERIFY(!changed.wait(2000));
        QVERIFY(!monitor.checkScheduled());
        QCOMPARE(transport->sentCount(), quint64(0));
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Misconfigured);
    }

    void noSecretIsAMisconfiguration()
    {
        auto sim = startSim();
        TaskMonitor monitor(simProfile(*sim));
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Idle);
        monitor.addTasks({hexId(4)});
        QTRY_COMPARE(monitor.connectionState().kind, ConnectionState::Kind::Misconfigured);
        QVERIFY(monitor.connectionState().message.contains(QStringLiteral("secret")));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 0);
    }

    void onlyValidIdsAreWatched()
    {
        auto sim = startSim();
        TaskMonitor monitor(simProfile(*sim));
        QSignalSpy added(&monitor, &TaskMonitor::taskAdded);
        monitor.addTasks({QStringLiteral("abc"), QStringLiteral("a\") or id ne (\"b"), QStringLiteral("x y"), QString(),
                          QStringLiteral("abc")},
                         QStringLiteral("label"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(monitor.tasks().size(), 1);
        QCOMPARE(monitor.tasks().first().id, QStringLiteral("abc"));
        QCOMPARE(monitor.tasks().first().label, QStringLiteral("label"));
        QCOMPARE(monitor.tasks().first().profile, QStringLiteral("sim"));
        QSignalSpy removed(&monitor, &TaskMonitor::taskRemoved);
        monitor.removeTasks({QStringLiteral("abc"), QStringLiteral("unknown")});
        QCOMPARE(removed.count(), 1);
        QVERIFY(monitor.tasks().isEmpty());
    }

    void discoverListsRecentTasksNewestFirst()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 60, QStringLiteral("SUCCESS"), 3000));
        sim->addTask(scenarioTask(0, 60, QStringLiteral("ERROR"), 2000));
        sim->addTask(scenarioTask(0, 3600, QStringLiteral("SUCCESS"), 1000));
        const QStringList ids = sim->taskIds();
        auto monitor = monitorFor(*sim, ApiVersion::V2025);
        QSignalSpy found(monitor.get(), &TaskMonitor::discovered);
        monitor->discover(false, 2);
        QVERIFY(found.wait(5000));
        auto tasks = found.takeFirst().at(0).value<QList<TaskStatus>>();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks.at(0).id, ids.at(2));
        QCOMPARE(tasks.at(1).id, ids.at(1));

        monitor->discover(true, 250);
        QVERIFY(found.wait(5000));
        tasks = found.takeFirst().at(0).value<QList<TaskStatus>>();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.at(0).id, ids.at(2));

        // beta and v2024 list completed tasks only: their queued and running ones come from pending-tasks.
        auto older = monitorFor(*sim, ApiVersion::V2024);
        QSignalSpy olderFound(older.get(), &TaskMonitor::discovered);
        older->discover(true, 10);
        QVERIFY(olderFound.wait(5000));
        tasks = olderFound.takeFirst().at(0).value<QList<TaskStatus>>();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.at(0).id, ids.at(2));
        QCOMPARE(simCount(*sim, QStringLiteral("GET /v2024/task-status/pending-tasks"), QStringLiteral("200")), 1);
    }

    void restartShowsTheLastStateWithoutARequest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 60, QStringLiteral("WARNING"), 3600));
        sim->addTask(scenarioTask(0, 60, QStringLiteral("ERROR"), 3600));
        {
            WatchList list(path);
            QVERIFY(list.load());
            auto monitor = monitorFor(*sim);
            monitor->setWatchList(&list);
            monitor->addTasks(sim->taskIds(), QStringLiteral("nightly"));
            QTRY_VERIFY(allFinished(*monitor));
        } // the list writes itself on the way out
        const qint64 before = simStat(*sim, QStringLiteral("totalRequests"));

        WatchList list(path);
        QVERIFY(list.load());
        auto monitor = monitorFor(*sim);
        QSignalSpy added(monitor.get(), &TaskMonitor::taskAdded);
        monitor->setWatchList(&list);
        QCOMPARE(added.count(), 2); // at once, with their last state
        QCOMPARE(monitor->tasks().at(0).status->state(), TaskState::Warning);
        QCOMPARE(monitor->tasks().at(1).status->state(), TaskState::Error);
        QCOMPARE(monitor->tasks().at(0).label, QStringLiteral("nightly"));
        QVERIFY(monitor->tasks().at(0).checkedAt.isValid());
        const QString loud = silenceBrokenOver(*sim, *monitor);
        QVERIFY2(loud.isEmpty(), qPrintable(loud));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), before);

        // Tasks imported into the list for this profile are watched at once.
        QSignalSpy imported(monitor.get(), &TaskMonitor::taskAdded);
        const QString fresh = sim->addTask(scenarioTask(0, 3600));
        WatchList other(dir.filePath(QStringLiteral("other.json")));
        WatchedTask entry;
        entry.id = fresh;
        entry.label = QStringLiteral("imported");
        other.upsert(entry);
        QVERIFY(list.importJson(other.exportJson(), QStringLiteral("sim")).ok());
        QCOMPARE(imported.count(), 1);
        QCOMPARE(monitor->task(fresh)->label, QStringLiteral("imported"));
        QTRY_VERIFY(monitor->task(fresh)->status.has_value());
        QVERIFY(list.importJson(other.exportJson(), QStringLiteral("elsewhere")).ok()); // another profile's
        QCOMPARE(imported.count(), 1);

        // Removing a task removes it from the list too.
        monitor->removeTasks({sim->taskIds().first()});
        QCOMPARE(list.tasks(QStringLiteral("sim")).size(), 2);
    }

    void anotherWritersChangesReachTheMonitor()
    {
        // Another process writing the same watch list (here a second WatchList on the file) removes a task
        // and adds one: the monitor stops watching the one and starts the other, and nothing is re-saved.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        auto sim = startSim();
        const QString kept = sim->addTask(scenarioTask(0, 3600));
        const QString gone = sim->addTask(scenarioTask(0, 3600));
        const QString fresh = sim->addTask(scenarioTask(0, 3600));
        WatchList list(path);
        QVERIFY(list.load());
        auto monitor = monitorFor(*sim);
        monitor->setWatchList(&list);
        monitor->addTasks({kept, gone});
        QVERIFY(list.saveNow());

        WatchList other(path);
        QVERIFY(other.load());
        other.remove(QStringLiteral("sim"), gone);
        WatchedTask entry;
        entry.id = fresh;
        entry.profile = QStringLiteral("sim");
        entry.label = QStringLiteral("from a script");
        entry.addedAt = QDateTime::currentDateTimeUtc();
        other.upsert(entry);
        QVERIFY(other.saveNow());

        QSignalSpy removed(monitor.get(), &TaskMonitor::taskRemoved);
        QSignalSpy added(monitor.get(), &TaskMonitor::taskAdded);
        QVERIFY(list.syncNow()); // what a change of the file's folder runs
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(0).toString(), gone);
        QCOMPARE(added.count(), 1);
        QVERIFY(!monitor->task(gone));
        QVERIFY(monitor->task(kept));
        QCOMPARE(monitor->task(fresh)->label, QStringLiteral("from a script"));
        QVERIFY(!list.hasUnsavedChanges()); // the list is what the file says: nothing to write back
        QTRY_VERIFY(monitor->task(fresh)->status.has_value());
    }

    void progressIsSavedLaterAndOutcomesSoon()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 6, QStringLiteral("ERROR")));
        WatchList list(path);
        list.setSaveDelay(milliseconds(0));
        list.setProgressSaveDelay(hours(1));
        auto monitor = monitorFor(*sim);
        monitor->setWatchList(&list);
        // What the list has planned right after each change of the task's status.
        QList<std::pair<TaskState, std::optional<milliseconds>>> planned;
        std::optional<QByteArray> lastStatus;
        connect(monitor.get(), &TaskMonitor::taskChanged, this, [&](const WatchedTask &task) {
            if (!task.status || (lastStatus && *lastStatus == task.status->rawJson))
                return;
            lastStatus = task.status->rawJson;
            planned.append({task.status->state(), list.pendingSaveDelay()});
        });
        monitor->addTasks(sim->taskIds());
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(*monitor), 20000);

        QVERIFY2(planned.size() >= 3, "a first status, progress, an outcome");
        QCOMPARE(planned.first().second, std::optional<milliseconds>(0)); // the first status: soon
        const auto progress = std::find_if(planned.begin() + 1, planned.end(),
                                           [](const auto &entry) { return entry.first == TaskState::Running; });
        QVERIFY(progress != planned.end());
        QCOMPARE(progress->second, std::optional<milliseconds>(hours(1))); // progress alone: later
        QCOMPARE(planned.last().first, TaskState::Error);
        QCOMPARE(planned.last().second, std::optional<milliseconds>(0)); // the outcome brings the save forward
        QTRY_VERIFY(!list.hasUnsavedChanges());
        WatchList reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.allTasks().first().status->state(), TaskState::Error);
    }

    void shorterIntervalTakesEffectAtOnce()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 3600));
        const QString id = sim->taskIds().first();
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setPollPace(PollScheduler::Pace::Fixed); // the interval's own rhythm
        monitor.setPollInterval(seconds(300));
        monitor.addTasks({id});
        QTRY_VERIFY(allHaveStatus(monitor));
        WatchedTask task = *monitor.task(id);
        QCOMPARE(task.checkedAt.secsTo(task.nextCheckAt), 300);
        monitor.setPollInterval(seconds(1));
        // The 300 s schedule is gone at once (no comparison with the wall clock here: on a loaded machine the
        // check may already be due), and the next check comes within seconds, not minutes.
        QVERIFY(monitor.task(id)->nextCheckAt < task.nextCheckAt);
        QVERIFY(task.checkedAt.secsTo(monitor.task(id)->nextCheckAt) < 300);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(id)->checkedAt > task.checkedAt, 5000);
    }
};

QTEST_GUILESS_MAIN(TestTaskMonitor)
#include "tst_taskmonitor.moc"
