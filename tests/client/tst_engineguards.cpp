#include "MonitorFixture.h"
#include "SimFixture.h"
#include "TinyServer.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;

// The engine against three ways the outside can mislead it: a wall clock that is stepped during a watch, one
// tenant spelled two ways, and a single-task answer about another task.

namespace { } // namespace

class TestEngineGuards : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenantSpelledTwoWaysSharesTheAllowance()
    {
        auto profileAt = [](const QString &url, const QString &clientId = QStringLiteral("demo"),
                            ApiVersion version = ApiVersion::V2025) {
            ConnectionProfile profile;
            profile.name = url;
            profile.baseUrl = QUrl(url);
            profile.apiVersion = version;
            profile.clientId = clientId;
            return profile;
        };
        // Case, default port, trailing dot and trailing slash: one tenant, one budget.
        const QString acme = QStringLiteral("https://acme.api.identitynow.com");
        const TaskStatusClient first(profileAt(acme));
        for (const char *spelling : {"HTTPS://ACME.Api.IdentityNow.com", "https://acme.api.identitynow.com:443",
                                     "https://acme.api.identitynow.com.", "https://acme.api.identitynow.com/",
                                     "https://Acme.api.identitynow.com.:443/"}) {
            const TaskStatusClient second(profileAt(QString::fromLatin1(spelling)));
            QVERIFY2(&first.transport()->budget() == &second.transport()->budget(), spelling);
        }
        // Another tenant, port, client id or API version has its own.
        const std::pair<QString, std::pair<QString, ApiVersion>> others[] = {
                {QStringLiteral("https://acme-sb.api.identitynow.com"), {QStringLiteral("demo"), ApiVersion::V2025}},
                {QStringLiteral("https://acme.api.identitynow.com:8443"), {QStringLiteral("demo"), ApiVersion::V2025}},
                {acme, {QStringLiteral("other"), ApiVersion::V2025}},
                {acme, {QStringLiteral("demo"), ApiVersion::Beta}}};
        for (const auto &[url, rest] : others) {
            const TaskStatusClient second(profileAt(url, rest.first, rest.second));
            QVERIFY2(&first.transport()->budget() != &second.transport()->budget(), qPrintable(url));
        }

        // Against a tenant with a tight limit: two spellings of its URL (those loopback can reach) together
        // stay within it.
        expectOneAllowanceForTwoMonitors([&profileAt](const SimServer &sim, int i) {
            return profileAt(i == 0 ? sim.baseUrl().toString()
                                    : QStringLiteral("HTTP://127.0.0.1:%1/").arg(sim.baseUrl().port()));
        });
    }

    void wallClockStepsNeitherBurstNorStall_data()
    {
        QTest::addColumn<int>("stepHours");
        QTest::newRow("wall clock +1 h") << 1;
        QTest::newRow("wall clock -1 h") << -1;
    }
    void wallClockStepsNeitherBurstNorStall()
    {
        // Eight running tasks checked every second need 8 requests/s; the tenant allows 6 per 3 s, so the
        // engine runs at its budget the whole time. Setting the wall clock an hour forwards (the window looked
        // long past) or back (the window looked in the future) must not let a burst through: no 429. Every
        // task keeps being checked. The real monotonic clock; the wall clock is the real one plus a step.
        QFETCH(int, stepHours);
        SimConfig config;
        config.rateLimitRequests = 6;
        config.rateLimitSeconds = 3;
        auto sim = startSim(config);
        for (int i = 0; i < 8; ++i)
            sim->addTask(scenarioTask(0, 3600));
        const QStringList ids = sim->taskIds();
        qint64 wallStepMs = 0;
        const EngineClock clock {[&wallStepMs] { return QDateTime::currentDateTimeUtc().addMSecs(wallStepMs); }, {}};
        TaskMonitor monitor(simProfile(*sim), clock);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setRequestBudget(6, seconds(3));
        monitor.setFetchMode(Batching::FetchMode::PerId);
        monitor.setPollInterval(seconds(1));
        QHash<QString, int> checks;
        QHash<QString, QDateTime> lastCheck;
        connect(&monitor, &TaskMonitor::taskChanged, this, [&](const WatchedTask &task) {
            if (task.checkedAt.isValid() && task.checkedAt != lastCheck.value(task.id))
                ++checks[task.id];
            lastCheck[task.id] = task.checkedAt;
        });
        monitor.addTasks(ids);
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")) >= 12, 30000);

        wallStepMs = qint64(stepHours) * 3600 * 1000;
        const QDateTime stepped = QDateTime::currentDateTimeUtc().addMSecs(wallStepMs);
        const QHash<QString, int> before = checks;
        const qint64 answeredBefore = simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200"));
        const auto everyTaskCheckedTwiceMore = [&] {
            return std::all_of(ids.begin(), ids.end(),
                               [&](const QString &id) { return checks.value(id) >= before.value(id) + 2; });
        };
        // A step relabels every task's checkedAt once (a change without a request), so the count of answers
        // is waited for too: 16 more answers, two per task, prove that polling did not stall.
        QTRY_VERIFY_WITH_TIMEOUT(everyTaskCheckedTwiceMore()
                                         && simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200"))
                                                 >= answeredBefore + 16,
                                 60000);
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
        QCOMPARE(simStat(*sim, QStringLiteral("requestsDuringRetryAfter")), 0);
        // The labels follow the wall clock as it now reads.
        for (const QString &id : ids)
            QVERIFY(monitor.task(id)->checkedAt >= stepped.addSecs(-1));
        qInfo("after the step: %lld answers, %lld x 429",
              simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")) - answeredBefore,
              simStat(*sim, QStringLiteral("rateLimited")));
    }

    void wallClockStepsDoNotStallPolling_data()
    {
        QTest::addColumn<int>("stepHours");
        QTest::newRow("wall clock +1 h") << 1;
        QTest::newRow("wall clock -1 h") << -1;
    }
    void wallClockStepsDoNotStallPolling()
    {
        // Well within the budget, two tasks are checked every second; after the wall clock is stepped they
        // still are (set back an hour, the next checks used to lie an hour ahead), and no more often.
        QFETCH(int, stepHours);
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 3600));
        sim->addTask(scenarioTask(0, 3600));
        const QStringList ids = sim->taskIds();
        qint64 wallStepMs = 0;
        const EngineClock clock {[&wallStepMs] { return QDateTime::currentDateTimeUtc().addMSecs(wallStepMs); }, {}};
        TaskMonitor monitor(simProfile(*sim), clock);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setPollInterval(seconds(1));
        QSignalSpy rounds(&monitor, &TaskMonitor::refreshed);
        monitor.addTasks(ids);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 2, 10000);
        const WatchedTask beforeStep = *monitor.task(ids.first());
        QCOMPARE(beforeStep.checkedAt.msecsTo(beforeStep.nextCheckAt), 1000);

        wallStepMs = qint64(stepHours) * 3600 * 1000;
        const qint64 roundsBefore = rounds.count();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= roundsBefore + 3, 15000);
        const WatchedTask afterStep = *monitor.task(ids.first());
        QCOMPARE(afterStep.checkedAt.msecsTo(afterStep.nextCheckAt), 1000); // the interval, on the new wall time
        QVERIFY(qAbs(afterStep.checkedAt.msecsTo(QDateTime::currentDateTimeUtc().addMSecs(wallStepMs))) < 5000);
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
    }

    void singleAnswerAboutAnotherTaskIsRejected()
    {
        // The tenant (or a cache in front of it) answers GET /task-status/{id} with another task: a problem on
        // the task asked for, never that other task's state in its row.
        const QString asked = hexId(1);
        const QString other = hexId(2);
        QJsonObject body {{QStringLiteral("id"), other},
                          {QStringLiteral("type"), QStringLiteral("QUARTZ")},
                          {QStringLiteral("uniqueName"), QStringLiteral("Other task")},
                          {QStringLiteral("launched"), QStringLiteral("2025-01-01T00:00:00Z")},
                          {QStringLiteral("completionStatus"), QStringLiteral("SUCCESS")}};
        const QByteArray answer = QJsonDocument(body).toJson(QJsonDocument::Compact);
        TinyServer server([&answer](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, QByteArrayLiteral("{\"access_token\":\"t\",\"expires_in\":600}"));
            return TinyServer::response(200, answer);
        });
        ConnectionProfile profile;
        profile.name = QStringLiteral("tiny");
        profile.baseUrl = server.baseUrl();
        profile.apiVersion = ApiVersion::V2025;
        profile.clientId = QStringLiteral("demo");
        TaskMonitor monitor(profile);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setFetchMode(Batching::FetchMode::PerId);
        QList<WatchedTask> changes;
        connect(&monitor, &TaskMonitor::taskChanged, this, [&](const WatchedTask &task) { changes.append(task); });
        monitor.addTasks({asked});
        QTRY_COMPARE(monitor.task(asked)->problem.kind, FetchProblem::Kind::Fetch);
        const WatchedTask task = *monitor.task(asked);
        QVERIFY(!task.status.has_value());
        QVERIFY2(task.problem.message.contains(asked) && task.problem.message.contains(other),
                 qPrintable(task.problem.message));
        for (const WatchedTask &change : std::as_const(changes))
            QVERIFY(!change.status.has_value());
        QCOMPARE(server.count("GET", "/v2025/task-status/" + asked.toLatin1()), 1);
        QVERIFY(!monitor.task(other));
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Ok); // the tenant answered: not offline
    }
};

QTEST_GUILESS_MAIN(TestEngineGuards)
#include "tst_engineguards.moc"
