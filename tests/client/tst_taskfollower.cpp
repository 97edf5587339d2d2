#include "SimFixture.h"
#include "client/ApiTransport.h"
#include "client/TaskFollower.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;

// The follower over loopback: one list call per rule per round, never a second round while the first is still
// being answered, and what appears after the first round is told once.
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
};

QTEST_GUILESS_MAIN(TestTaskFollower)
#include "tst_taskfollower.moc"
