#include "SimFixture.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QTest>

using namespace std::chrono;

// A running task that stops moving is flagged stalled once the threshold has passed, and the flag clears by
// itself when the task moves again; a task found stuck long ago (its `modified`) is stalled at the first answer.
class TestStalledTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aStuckTaskIsFlaggedAndRecovers()
    {
        auto sim = startSim();
        // Runs 10 s, stops at 20 % for 6 s, then goes on and succeeds.
        QJsonObject entry = scenarioTask(0, 10);
        entry.insert(QStringLiteral("stuckAt"), 20);
        entry.insert(QStringLiteral("stuckFor"), 6);
        const QString id = sim->addTask(entry);
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setStallThreshold(seconds(2));
        monitor.addTasks({id});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(id)->stalled, 15000);
        const WatchedTask stalled = *monitor.task(id);
        QCOMPARE(stalled.status->state(), TaskState::Running);
        QCOMPARE(stalled.status->percentComplete, std::optional<int>(20));
        QVERIFY(stalled.lastMovedAt.isValid() && stalled.lastMovedAt < stalled.checkedAt);
        // The scenario moves it again: the flag goes by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.task(id)->stalled, 15000);
        QVERIFY(*monitor.task(id)->status->percentComplete > 20);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.task(id)->status->state(), TaskState::Success, 20000);
        QVERIFY(!monitor.task(id)->stalled);
        QVERIFY(!monitor.task(id)->lastMovedAt.isValid()); // only running tasks have one
    }

    void aTaskStuckForHoursIsStalledAtOnce()
    {
        auto sim = startSim();
        QJsonObject entry = scenarioTask(0, 1800, QStringLiteral("SUCCESS"), 3 * 3600);
        entry.remove(QStringLiteral("outcome"));
        entry.insert(QStringLiteral("stuckAt"), 40);
        const QString id = sim->addTask(entry);
        const QString moving = sim->addTask(scenarioTask(0, 3600));
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({id, moving}); // the default threshold: 15 minutes
        QTRY_VERIFY(monitor.task(id)->status && monitor.task(moving)->status);
        QVERIFY(monitor.task(id)->stalled);
        QVERIFY(monitor.task(id)->lastMovedAt.secsTo(monitor.task(id)->checkedAt) > 2 * 3600);
        QVERIFY(!monitor.task(moving)->stalled);
    }

    // This computer's clock 20 minutes fast or slow: the tenant's times are read against its own clock (the
    // Date of its answers), so a moving task is not stalled and one still for 25 minutes is.
    void aWrongLocalClockFlagsNothingFalsely_data()
    {
        QTest::addColumn<int>("skewMinutes");
        QTest::newRow("right") << 0;
        QTest::newRow("20 min fast") << 20;
        QTest::newRow("20 min slow") << -20;
    }
    void aWrongLocalClockFlagsNothingFalsely()
    {
        QFETCH(int, skewMinutes);
        auto sim = startSim();
        const QString moving = sim->addTask(scenarioTask(0, 3600));
        // Created 25 min ago, stuck at 1 % (reached after 18 s) ever since.
        QJsonObject entry = scenarioTask(0, 1800, QStringLiteral("SUCCESS"), 25 * 60);
        entry.remove(QStringLiteral("outcome"));
        entry.insert(QStringLiteral("stuckAt"), 1);
        const QString still = sim->addTask(entry);
        EngineClock clock;
        clock.wall = [skewMinutes] { return QDateTime::currentDateTimeUtc().addSecs(qint64(skewMinutes) * 60); };
        TaskMonitor monitor(simProfile(*sim), clock);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({moving, still}); // the default threshold: 15 minutes
        QTRY_VERIFY(monitor.task(moving)->status && monitor.task(still)->status);
        const qint64 offset = monitor.client()->transport()->tenantClockOffset().count();
        QVERIFY2(qAbs(offset + qint64(skewMinutes) * 60000) <= 2000, qPrintable(QString::number(offset)));
        QVERIFY(!monitor.task(moving)->stalled);
        QVERIFY(monitor.task(still)->stalled);
    }
};

QTEST_GUILESS_MAIN(TestStalledTasks)
#include "tst_stalledtasks.moc"
