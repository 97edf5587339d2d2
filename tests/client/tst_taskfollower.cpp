#include "ManualClock.h"
#include "SimFixture.h"
#include "TinyServer.h"
#include "client/ApiTransport.h"
#include "client/TaskFollower.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;

// The follower over loopback: one list call per rule per round, never a second round while the first is still
// being answered, and what appears after the first round is told once.
namespace {

ConnectionProfile tinyProfile(const TinyServer &server)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("tiny");
    profile.baseUrl = server.baseUrl();
    profile.clientId = QStringLiteral("demo");
    return profile;
}

// What the tiny server answers on /oauth/token.
QByteArray tokenAnswer()
{
    return TinyServer::response(200, R"({"access_token":"tok","token_type":"bearer","expires_in":3600})");
}

} // namespace

class TestTaskFollower : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slowAnswersNeverOverlapRounds()
    {
        SimConfig config;
        config.latencyMinMs = 400; // every answer takes longer than the round period
        config.latencyMaxMs = 400;
        auto sim = startSim(config);
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        TaskFollower follower(monitor.client(),
                              {FollowRule {}, FollowRule {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")}});
        follower.setRoundPeriod(milliseconds(50));
        ApiTransport *transport = monitor.client()->transport();
        int mostInFlight = 0;
        connect(transport, &ApiTransport::requestSent, this,
                [&](const QUrl &) { mostInFlight = std::max(mostInFlight, transport->inFlightCount()); });
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(follower.rounds() >= 3, 20000);
        follower.stop();
        // Two rules: at most their two calls out at any time, and two calls a round.
        QVERIFY2(mostInFlight <= 2, qPrintable(QStringLiteral("%1 requests in flight at once").arg(mostInFlight)));
        QVERIFY(simCount(*sim, listRoute(ApiVersion::V2025)) <= 2 * (follower.rounds() + 1));
    }

    // A rule whose first call fails learns from its first answer: the tenant's older tasks are not news.
    void aRuleWhoseFirstCallFailedLearnsBeforeItTells()
    {
        QJsonArray older;
        for (int i = 0; i < TaskFollower::PageSize; ++i)
            older.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'))},
                                      {QStringLiteral("type"), QStringLiteral("QUARTZ")},
                                      {QStringLiteral("uniqueName"), QStringLiteral("Identity Refresh")},
                                      {QStringLiteral("created"), QStringLiteral("2026-12-01T08:00:00Z")}});
        int typeCalls = 0;
        TinyServer server([&](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return tokenAnswer();
            const bool typeRule = request.target.contains("IDENTITY_REFRESH");
            if (typeRule && ++typeCalls == 1)
                return TinyServer::response(503, "{}"); // its first call fails
            return TinyServer::response(200, QJsonDocument(typeRule ? older : QJsonArray()).toJson());
        });
        TaskMonitor monitor(tinyProfile(server));
        monitor.setSecret(QStringLiteral("demo"));
        TaskFollower follower(monitor.client(),
                              {FollowRule {}, FollowRule {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")}});
        follower.setRoundPeriod(milliseconds(50));
        QSignalSpy appeared(&follower, &TaskFollower::appeared);
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(typeCalls >= 3, 20000); // failed, answered (learned), answered again
        QCOMPARE(appeared.count(), 0);
    }

    // A 400 for the filter: asking again cannot help. The follower says so once and stops; a 503 is asked again.
    void aFilterTheTenantRefusesStopsTheFollower_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("stops");
        QTest::newRow("400") << 400 << true;
        QTest::newRow("404") << 404 << true;
        QTest::newRow("503") << 503 << false;
    }
    void aFilterTheTenantRefusesStopsTheFollower()
    {
        QFETCH(int, status);
        QFETCH(bool, stops);
        int lists = 0;
        TinyServer server([&](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return tokenAnswer();
            ++lists;
            return TinyServer::response(status, R"({"detailCode":"400.1 Bad Request Content","messages":[]})");
        });
        TaskMonitor monitor(tinyProfile(server));
        monitor.setSecret(QStringLiteral("demo"));
        TaskFollower follower(monitor.client(), {FollowRule {FollowRule::Kind::Source, QStringLiteral("src-1")}});
        follower.setRoundPeriod(milliseconds(50));
        QSignalSpy failed(&follower, &TaskFollower::failed);
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 20000);
        QCOMPARE(failed.first().at(1).toBool(), stops);
        QCOMPARE(failed.first().at(2).toBool(), false); // not the credentials
        if (stops) {
            // Stopped: no round starts again (TaskFollower::round asks only while running), and nothing else
            // is on its way.
            const int rounds = follower.rounds();
            QVERIFY(!follower.isRunning());
            QTRY_VERIFY_WITH_TIMEOUT(monitor.client()->transport()->inFlightCount() == 0, 5000);
            QCOMPARE(monitor.client()->transport()->queuedCount(), 0);
            QCOMPARE(lists, 1);
            QCOMPARE(follower.rounds(), rounds);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(lists >= 2, 20000); // asked again next round
        }
    }

    // "Known until" ignores a created date more than an hour ahead of the engine's own clock (on the tenant's
    // time), not of the computer's: the clock here is 2025 while the computer's is later.
    void aCreatedDateFarAheadOfTheEnginesClockIsIgnored()
    {
        ManualClock clock;
        const auto task = [](int n, const QDateTime &created) {
            return QJsonObject {{QStringLiteral("id"), QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'))},
                                {QStringLiteral("type"), QStringLiteral("QUARTZ")},
                                {QStringLiteral("created"), created.toString(Qt::ISODate)}};
        };
        const QDateTime recent = clock.now.addSecs(-60);
        const QJsonArray page {task(1, clock.now.addSecs(2 * 3600)), task(2, recent)};
        TinyServer server([&](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return tokenAnswer();
            return TinyServer::response(200, QJsonDocument(page).toJson());
        });
        TaskMonitor monitor(tinyProfile(server), clock.engine());
        monitor.setSecret(QStringLiteral("demo"));
        TaskFollower follower(monitor.client(), {FollowRule {}});
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(follower.rounds() >= 1, 20000);
        QCOMPARE(follower.knownUntil(), recent);
    }

    void aNewTaskIsToldOnce()
    {
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 600)); // there before: learned, not told
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        TaskFollower follower(monitor.client(), {FollowRule {}});
        follower.setRoundPeriod(milliseconds(100));
        QSignalSpy appeared(&follower, &TaskFollower::appeared);
        follower.start();
        QTRY_VERIFY(follower.rounds() >= 1);
        const QString id = sim->addTask(scenarioTask(0, 600));
        QTRY_COMPARE(appeared.count(), 1);
        QCOMPARE(appeared.first().first().value<TaskStatus>().id, id);
        const int rounds = follower.rounds();
        QTRY_VERIFY(follower.rounds() >= rounds + 3);
        QCOMPARE(appeared.count(), 1); // seen: never told again
    }

    // A follower that takes over (after a pause, a new secret) from one that stopped is told the newest task the
    // other saw: what was created meanwhile is news, what was there before is not.
    void aFollowerThatTakesOverTellsWhatWasCreatedMeanwhile()
    {
        auto sim = startSim();
        QJsonObject old = scenarioTask(0, 600);
        old.insert(QStringLiteral("createdAgo"), 60);
        sim->addTask(old);
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        QDateTime knownUntil;
        {
            TaskFollower first(monitor.client(), {FollowRule {}});
            first.start();
            QTRY_VERIFY(first.rounds() >= 1);
            knownUntil = first.knownUntil();
        }
        QVERIFY(knownUntil.isValid());
        const QString meanwhile = sim->addTask(scenarioTask(0, 600)); // while none follows
        TaskFollower second(monitor.client(), {FollowRule {}});
        second.setKnownUntil(knownUntil);
        QSignalSpy appeared(&second, &TaskFollower::appeared);
        second.start();
        QTRY_VERIFY(second.rounds() >= 1);
        QCOMPARE(appeared.count(), 1);
        QCOMPARE(appeared.first().first().value<TaskStatus>().id, meanwhile);
    }

    // A rule whose value could not go into a filter (made by hand, past every dialog) is never asked.
    void aRuleThatCannotBeAFilterIsNotAsked()
    {
        auto sim = startSim();
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        const FollowRule hostile {FollowRule::Kind::Type, QStringLiteral("A\" or id pr \"")};
        TaskFollower follower(monitor.client(), {hostile, FollowRule {}});
        follower.setRoundPeriod(milliseconds(100));
        follower.start();
        QTRY_VERIFY(follower.rounds() >= 2);
        const QString route = QStringLiteral("GET /v2025/task-status");
        // One call per round (the last may still be on its way), none refused: the hostile rule sent nothing.
        QVERIFY(simCount(*sim, route) <= follower.rounds() + 1);
        QCOMPARE(simCount(*sim, route, QStringLiteral("400")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTaskFollower)
#include "tst_taskfollower.moc"
