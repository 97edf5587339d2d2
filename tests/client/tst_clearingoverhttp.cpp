#include "ManualClock.h"
#include "SimFixture.h"
#include "TinyServer.h"
#include "client/ApiTransport.h"
#include "client/QueueDepth.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;

// Clearing a stuck task and reading the queue depth over real loopback HTTP, against a tiny server that can
// answer what the simulated tenant never does on its own (silence, a dropped connection, a 429 on a PATCH):
// a GET first, one PATCH with the JSON Patch body, never sent again without an answer; the row shows the
// new status before the result is announced; the queue depth only when turned on and at most once a minute.
namespace {

const QString taskId = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
const QByteArray tokenAnswer = R"({"access_token":"tok","token_type":"bearer","expires_in":749})";

QByteArray taskJson(const QByteArray &completionStatus)
{
    return R"({"id":"2c9180835d2e5168015d32f890ca1581","type":"QUARTZ","uniqueName":"Stuck Aggregation",)"
           R"("description":"d","parentName":null,"launcher":"x","created":"2026-12-04T18:00:00Z",)"
           R"("modified":null,"launched":"2026-12-04T18:00:05Z","completed":null,"completionStatus":)"
            + (completionStatus.isEmpty() ? QByteArray("null") : '"' + completionStatus + '"')
            + R"(,"messages":[],"returns":[],"attributes":{},"progress":"40%","percentComplete":40})";
}

ConnectionProfile profileFor(const TinyServer &server, ApiVersion version = ApiVersion::V2025)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("support");
    profile.baseUrl = server.baseUrl();
    profile.apiVersion = version;
    profile.clientId = QStringLiteral("pat-1");
    return profile;
}

// A tenant with one running task; `patch` answers each PATCH (by its number, from 0).
TinyServer::Handler tenant(std::function<QByteArray(int, const TinyServer::Request &)> patch,
                           const QByteArray &state = {})
{
    auto patches = std::make_shared<int>(0);
    return [patch, patches, state](const TinyServer::Request &request) {
        if (request.target == "/oauth/token")
            return TinyServer::response(200, tokenAnswer);
        if (request.method == "PATCH")
            return patch((*patches)++, request);
        return TinyServer::response(200, taskJson(state));
    };
}

ClearResult clearOnce(TaskMonitor &monitor, TaskClearing::Mark mark)
{
    QSignalSpy cleared(&monitor, &TaskMonitor::taskCleared);
    monitor.clearTask(taskId, mark);
    if (!cleared.wait(30000) || cleared.count() != 1)
        return {};
    return cleared.first().first().value<ClearResult>();
}

} // namespace

class TestClearingOverHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aGetThenOnePatchWithTheJsonPatchBody()
    {
        TinyServer server(tenant(
                [](int, const TinyServer::Request &) { return TinyServer::response(200, taskJson("TERMINATED")); }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Terminated);
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

        QCOMPARE(result.kind, ClearResult::Kind::Cleared);
        QVERIFY(result.patchSent);
        QCOMPARE(result.status->state(), TaskState::Terminated);
        QCOMPARE(result.who, QStringLiteral("client id pat-1 (profile support)"));
        QVERIFY(result.at >= before && result.at <= after);

        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(server.requests().at(1).method, QByteArray("GET")); // a fresh look first
        QCOMPARE(server.requests().at(1).target, QByteArray("/v2025/task-status/") + taskId.toLatin1());
        const TinyServer::Request &patch = server.requests().at(2);
        QCOMPARE(patch.method, QByteArray("PATCH"));
        QCOMPARE(patch.target, QByteArray("/v2025/task-status/") + taskId.toLatin1());
        QCOMPARE(patch.headers.value("content-type"), QByteArray("application/json-patch+json"));
        QCOMPARE(patch.headers.value("authorization"), QByteArray("Bearer tok"));
        QCOMPARE(patch.headers.value("x-sailpoint-experimental"), QByteArray("true"));
        const QJsonArray ops = QJsonDocument::fromJson(patch.body).array();
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(0).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/completionStatus"));
        QCOMPARE(ops.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("TERMINATED"));
        QCOMPARE(ops.at(1).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/completed"));
        const QDateTime completed = QDateTime::fromString(
                ops.at(1).toObject().value(QStringLiteral("value")).toString(), Qt::ISODateWithMs);
        QVERIFY(completed.isValid() && completed >= before && completed <= after);
    }

    void aFinishedTaskIsLeftAsItIs()
    {
        TinyServer server(
                tenant([](int, const TinyServer::Request &) { return TinyServer::response(500, "{}"); }, "SUCCESS"));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::AlreadyFinished);
        QCOMPARE(result.status->state(), TaskState::Success);
        QVERIFY(!result.patchSent);
        QCOMPARE(server.count("PATCH", "/"), 0);
    }

    // Confirmed twice while the first is on its way (and once more in other letters): one GET and one PATCH.
    void aSecondClearOfTheSameTaskSendsNothing()
    {
        TinyServer server(
                tenant([](int, const TinyServer::Request &) { return TinyServer::response(200, taskJson("ERROR")); }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        QSignalSpy cleared(&monitor, &TaskMonitor::taskCleared);
        monitor.clearTask(taskId, TaskClearing::Mark::Error);
        monitor.clearTask(taskId, TaskClearing::Mark::Error);
        monitor.clearTask(taskId.toUpper(), TaskClearing::Mark::Terminated);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 3, 30000);
        int applied = 0;
        for (const QList<QVariant> &signal : std::as_const(cleared)) {
            const ClearResult result = signal.first().value<ClearResult>();
            if (result.kind == ClearResult::Kind::Cleared) {
                ++applied;
            } else {
                QCOMPARE(result.kind, ClearResult::Kind::Failed);
                QVERIFY(!result.patchSent);
                QVERIFY(result.problem.message.contains(QStringLiteral("already being marked")));
            }
        }
        QCOMPARE(applied, 1);
        QCOMPARE(server.count("PATCH", "/"), 1);
        // Once it has ended, the task may be asked about again.
        QCOMPARE(clearOnce(monitor, TaskClearing::Mark::Error).kind, ClearResult::Kind::Cleared);
        QCOMPARE(server.count("PATCH", "/"), 2);
    }

    // Without an answer the PATCH may or may not have been applied: it is reported so, and never sent again.
    void noAnswerIsUnconfirmedAndNotSentAgain_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("silence until the timeout") << QByteArray();
        QTest::newRow("connection dropped mid-answer") << QByteArray(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\"");
    }
    void noAnswerIsUnconfirmedAndNotSentAgain()
    {
        QFETCH(QByteArray, answer);
        TinyServer server(tenant([answer](int, const TinyServer::Request &) { return answer; }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        monitor.client()->transport()->setTransferTimeout(milliseconds(300));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Unconfirmed); // the look after it still shows it running
        QVERIFY(result.patchSent);
        QCOMPARE(server.count("PATCH", "/"), 1);
        QCOMPARE(server.count("GET", "/v2025/task-status/"), 2); // before, and once after to see if it took
        QVERIFY(result.sentence().english().contains(QStringLiteral("the request was not sent again")));
        QCOMPARE(monitor.client()->transport()->queuedCount(), 0); // nothing waiting to go out again either
    }

    // The moment an HTTP client may repeat a request by itself: the PATCH goes on the connection the GET before
    // it left open, and the server hangs up without answering. Taskwatch does not send it again; Qt 6.4's HTTP
    // stack does, once and at once, whatever the method (newer Qt repeats only idempotent ones): the same bytes,
    // so the same status and completed time reach the tenant. Then one look tells whether it took.
    void aHangUpBeforeAnyAnswer()
    {
        TinyServer server([](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            if (request.method == "PATCH")
                return TinyServer::closed();
            return TinyServer::keepAlive(200, taskJson({}));
        });
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Unconfirmed);
        QVERIFY(result.patchSent);
        // The case was really made: the PATCH came on the GET's open connection, not a new one.
        const auto &requests = server.requests();
        QCOMPARE(requests.at(1).method, QByteArray("GET"));
        QCOMPARE(requests.at(2).method, QByteArray("PATCH"));
        QCOMPARE(requests.at(2).connection, requests.at(1).connection);
        // Token, GET, the PATCH (Qt's own repeat of it, if any), then the look: nothing after the look.
        const qsizetype patches = server.count("PATCH", "/");
        QVERIFY2(patches == 1 || patches == 2, qPrintable(QString::number(patches)));
        QCOMPARE(requests.size(), 3 + patches);
        QCOMPARE(requests.last().method, QByteArray("GET"));
        if (patches == 2)
            QCOMPARE(requests.at(3).body, requests.at(2).body); // the same bytes: the same completed time
    }

    // No answer to the PATCH, but it took: the look after it sees the mark and says so.
    void aPatchWithoutAnAnswerThatTookIsConfirmedByTheLookAfterIt()
    {
        int gets = 0;
        TinyServer server([&gets](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            if (request.method == "PATCH")
                return QByteArray(); // silence
            return TinyServer::response(200, taskJson(++gets == 1 ? QByteArray() : QByteArray("ERROR")));
        });
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        monitor.client()->transport()->setTransferTimeout(milliseconds(300));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Cleared);
        QVERIFY(result.status);
        QCOMPARE(result.status->state(), TaskState::Error);
        QCOMPARE(server.count("PATCH", "/"), 1);
        QCOMPARE(gets, 2);
    }

    // Other answers to the PATCH: a 5xx may follow a change that was made (unconfirmed, looked at once more); a
    // 401 is sent once more with a new token; a redirect is not followed anywhere (the tenant did nothing).
    void otherAnswersToThePatch_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<ClearResult::Kind>("result");
        QTest::addColumn<int>("patches");
        QTest::addColumn<int>("tokens");
        QTest::newRow("500") << TinyServer::response(500, R"({"detailCode":"500.0 Internal Fault","trackingId":"t5"})")
                             << ClearResult::Kind::Unconfirmed << 1 << 1;
        QTest::newRow("401, then a new token")
                << TinyServer::response(401, R"({"error":"JWT expired"})") << ClearResult::Kind::Cleared << 2 << 2;
        QTest::newRow("307 elsewhere") << TinyServer::response(307, {}, "Location: http://127.0.0.1:9/elsewhere\r\n")
                                       << ClearResult::Kind::Failed << 1 << 1;
    }
    void otherAnswersToThePatch()
    {
        QFETCH(QByteArray, first);
        QFETCH(ClearResult::Kind, result);
        QFETCH(int, patches);
        QFETCH(int, tokens);
        TinyServer server(tenant([first](int n, const TinyServer::Request &) {
            return n == 0 ? first : TinyServer::response(200, taskJson("ERROR"));
        }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const ClearResult cleared = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(cleared.kind, result);
        QCOMPARE(server.count("PATCH", "/"), patches);
        QCOMPARE(server.count("POST", "/oauth/token"), tokens);
        QCOMPARE(cleared.patchSent, true);
        if (result != ClearResult::Kind::Cleared)
            QVERIFY(!cleared.problem.isNone());
    }

    // A 401 on the PATCH, and no new token comes (the token endpoint hangs up): the PATCH never went out again,
    // so the tenant did nothing, and the result says "failed", not "unconfirmed".
    void aPatchWithoutANewTokenFailed()
    {
        int tokens = 0;
        TinyServer server([&tokens](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return ++tokens == 1 ? TinyServer::response(200, tokenAnswer) : TinyServer::closed();
            if (request.method == "PATCH")
                return TinyServer::response(401, R"({"error":"JWT expired"})");
            return TinyServer::response(200, taskJson({}));
        });
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Failed);
        QVERIFY(!result.patchSent);
        QCOMPARE(server.count("PATCH", "/"), 1);
        QVERIFY(tokens >= 2); // Qt 6.4 may repeat the hung-up token request once itself
    }

    // A 429 on the PATCH: the tenant did not act on it. A short Retry-After is waited out (nothing at all is sent
    // meanwhile) and the PATCH goes again; past ApiTransport::DefaultPatchResendWithin the task is read again
    // first (the next test).
    void rateLimitedPatchWaitsForRetryAfter()
    {
        TinyServer server(tenant([](int n, const TinyServer::Request &) {
            return n == 0 ? TinyServer::response(429, R"({"message":" Rate Limit Exceeded "})", "Retry-After: 1\r\n")
                          : TinyServer::response(200, taskJson("ERROR"));
        }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        ApiTransport *transport = monitor.client()->transport();
        int holds = 0;
        QList<bool> stillHeldWhenSentAgain;
        connect(transport, &ApiTransport::rateLimited, this, [&](const QDateTime &) { ++holds; });
        connect(transport, &ApiTransport::requestSent, this, [&](const QUrl &) {
            // Asked of the transport's own clock: comparing wall-clock readings would be off by their rounding.
            if (server.count("PATCH", "/") >= 1) // the first PATCH has arrived: this is a later request
                stillHeldWhenSentAgain.append(transport->rateLimitedUntil().isValid());
        });
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Cleared);
        QCOMPARE(server.count("PATCH", "/"), 2);
        QVERIFY(holds > 0);
        QCOMPARE(stillHeldWhenSentAgain, QList<bool>({false})); // the PATCH again, after the wait
    }

    // The task ends while the PATCH waits out a 429: it is read again and left as it is, not overwritten.
    void aTaskThatFinishesDuringTheWaitIsLeftAsItIs()
    {
        int gets = 0;
        TinyServer server([&](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            if (request.method == "PATCH")
                return TinyServer::response(429, R"({"message":" Rate Limit Exceeded "})", "Retry-After: 1\r\n");
            return TinyServer::response(200, taskJson(++gets == 1 ? QByteArray() : QByteArray("SUCCESS")));
        });
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        // Every wait counts as long here (the real line is 10 s; the test's Retry-After is 1 s).
        monitor.client()->transport()->setPatchResendWithin(std::chrono::seconds(0));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::AlreadyFinished);
        QVERIFY(result.status);
        QCOMPARE(result.status->state(), TaskState::Success);
        QCOMPARE(server.count("PATCH", "/"), 1);
        QCOMPARE(gets, 2);
    }

    // A 403 on the PATCH names the write scope and the kind of credentials; it does not stop polling, which
    // only needs the read scope.
    void forbiddenPatchSaysWhatIsMissing()
    {
        TinyServer server(tenant([](int, const TinyServer::Request &) {
            return TinyServer::response(
                    403, R"({"detailCode":"403 Forbidden","trackingId":"tr-9","messages":[{"text":"Forbidden"}]})");
        }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        const ClearResult result = clearOnce(monitor, TaskClearing::Mark::Error);
        QCOMPARE(result.kind, ClearResult::Kind::Failed);
        QCOMPARE(result.problem.kind, FetchProblem::Kind::Auth);
        QCOMPARE(result.problem.trackingId, QStringLiteral("tr-9"));
        QVERIFY2(result.problem.message.contains(QStringLiteral("idn:task-management:write")),
                 qPrintable(result.problem.message));
        QVERIFY(result.problem.message.contains(QStringLiteral("personal access token of an admin user")));
        QCOMPARE(result.problem.serverText, QStringLiteral("HTTP 403: Forbidden. (tracking id tr-9)"));
        QVERIFY(!monitor.pollStops().has(PollStops::Reason::CredentialsRefused));
    }

    // A watched task shows the tenant's answer before anyone hears of the result.
    void theRowShowsTheNewStatusFirst()
    {
        TinyServer server(
                tenant([](int, const TinyServer::Request &) { return TinyServer::response(200, taskJson("ERROR")); }));
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        monitor.setPaused(true); // no polling: the only change can come from clearing
        monitor.addTasks({taskId});
        std::optional<TaskState> stateAtResult;
        connect(&monitor, &TaskMonitor::taskCleared, this, [&](const ClearResult &) {
            const std::optional<WatchedTask> task = monitor.task(taskId);
            if (task && task->status)
                stateAtResult = task->status->state();
        });
        QSignalSpy changed(&monitor, &TaskMonitor::taskChanged);
        QCOMPARE(clearOnce(monitor, TaskClearing::Mark::Error).kind, ClearResult::Kind::Cleared);
        QCOMPARE(stateAtResult, std::optional<TaskState>(TaskState::Error));
        QVERIFY(changed.count() >= 1);
        const WatchedTask last = changed.last().first().value<WatchedTask>();
        QVERIFY(last.status);
        QCOMPARE(last.status->state(), TaskState::Error);
    }

    void queueDepthOnlyWhenOnAndAtMostOnceAMinute_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("v2025: HEAD pending-tasks") << ApiVersion::V2025 << QByteArray("HEAD")
                                                   << QByteArray("/v2025/task-status/pending-tasks?limit=1&count=true");
        QTest::newRow("beta: HEAD pending-tasks") << ApiVersion::Beta << QByteArray("HEAD")
                                                  << QByteArray("/beta/task-status/pending-tasks?limit=1&count=true");
        QTest::newRow("v2026: the list with count=true")
                << ApiVersion::V2026 << QByteArray("GET")
                << QByteArray("/v2026/task-status?limit=1&count=true&filters=completionStatus%20isnull");
        QTest::newRow("v1: the list with count=true")
                << ApiVersion::V1 << QByteArray("GET")
                << QByteArray("/task-status/v1?limit=1&count=true&filters=completionStatus%20isnull");
    }
    void queueDepthOnlyWhenOnAndAtMostOnceAMinute()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        TinyServer server([](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            return TinyServer::response(200, request.method == "HEAD" ? QByteArray() : "[]", "X-Total-Count: 7\r\n");
        });
        ManualClock clock;
        TaskMonitor monitor(profileFor(server, version), clock.engine());
        monitor.setSecret(QStringLiteral("s"));
        QueueDepth *depth = monitor.queueDepth();
        QVERIFY(!depth->isEnabled()); // off by default
        QSignalSpy read(depth, &QueueDepth::depthRead);
        QCoreApplication::processEvents();
        QCOMPARE(server.requests().size(), 0);

        depth->setEnabled(true);
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().first().toLongLong(), qint64(7));
        QCOMPARE(depth->depth(), qint64(7));
        QCOMPARE(server.requests().last().method, method);
        QCOMPARE(server.requests().last().target, target);
        const qsizetype readings = server.count(method, "/");
        QCOMPARE(readings, 1);

        // Off and on again within the minute: no new reading until the minute is over.
        depth->setEnabled(false);
        QCOMPARE(depth->depth(), qint64(-1));
        depth->setEnabled(true);
        QCoreApplication::processEvents();
        QCOMPARE(server.count(method, "/"), readings);
        clock.advance(seconds(59));
        depth->setEnabled(false);
        depth->setEnabled(true);
        QCoreApplication::processEvents();
        QCOMPARE(server.count(method, "/"), readings);
        clock.advance(seconds(1));
        depth->setEnabled(false);
        depth->setEnabled(true);
        QVERIFY(read.wait(30000));
        QCOMPARE(server.count(method, "/"), readings + 1);
    }

    // Turned on before the secret is read (the app at start): nothing is sent, and the first reading follows the
    // secret within seconds, not a minute later.
    void queueDepthOnBeforeTheSecretReadsSoonAfterIt()
    {
        TinyServer server([](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            return TinyServer::response(200, QByteArray(), "X-Total-Count: 3\r\n");
        });
        TaskMonitor monitor(profileFor(server));
        QueueDepth *depth = monitor.queueDepth();
        QSignalSpy read(depth, &QueueDepth::depthRead);
        QSignalSpy failed(depth, &QueueDepth::depthFailed);
        depth->setEnabled(true);
        QTRY_VERIFY(!monitor.client()->hasSecret()); // the refusal has come back by now
        QCoreApplication::processEvents();
        QCOMPARE(server.requests().size(), 0);
        monitor.setSecret(QStringLiteral("s"));
        QVERIFY(read.wait(30000)); // QueueDepth::NotSentRetry, not QueueDepth::Interval
        QCOMPARE(read.first().first().toLongLong(), qint64(3));
        QCOMPARE(failed.count(), 0);
    }

    void queueDepthWithoutTheHeaderIsAFailure()
    {
        TinyServer server([](const TinyServer::Request &request) {
            return TinyServer::response(200, request.target == "/oauth/token" ? tokenAnswer : QByteArray());
        });
        TaskMonitor monitor(profileFor(server));
        monitor.setSecret(QStringLiteral("s"));
        QSignalSpy failed(monitor.queueDepth(), &QueueDepth::depthFailed);
        monitor.queueDepth()->setEnabled(true);
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("X-Total-Count")));
        QCOMPARE(monitor.queueDepth()->depth(), qint64(-1));
    }

    // The simulated tenant's queue: a HEAD of pending-tasks (v2025) or a one-task list (v2026) with count=true.
    void queueDepthOfTheSimulatedTenant_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("route");
        QTest::newRow("v2025") << ApiVersion::V2025 << QStringLiteral("HEAD /v2025/task-status/pending-tasks");
        QTest::newRow("v2026") << ApiVersion::V2026 << QStringLiteral("GET /v2026/task-status");
    }
    void queueDepthOfTheSimulatedTenant()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, route);
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 0, QStringLiteral("SUCCESS"), 600)); // finished: not counted
        for (int i = 0; i < 3; ++i)
            sim->addTask(QJsonObject {{QStringLiteral("startDelay"), 0},
                                      {QStringLiteral("duration"), 600},
                                      {QStringLiteral("stuckAt"), 10 * i}});
        sim->addTask(scenarioTask(3600, 60)); // queued
        TaskMonitor monitor(simProfile(*sim, version));
        monitor.setSecret(QStringLiteral("demo"));
        QSignalSpy read(monitor.queueDepth(), &QueueDepth::depthRead);
        monitor.queueDepth()->setEnabled(true);
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().first().toLongLong(), qint64(4));
        QCOMPARE(simCount(*sim, route, QStringLiteral("200")), 1);
    }
};

QTEST_GUILESS_MAIN(TestClearingOverHttp)
#include "tst_clearingoverhttp.moc"
