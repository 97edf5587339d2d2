#include "SimFixture.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;

namespace {

// Labels on the wall clock are two readings of it: they may differ from the planned gap by their rounding.
bool aboutMSecs(const WatchedTask &task, qint64 expected)
{
    return qAbs(task.checkedAt.msecsTo(task.nextCheckAt) - expected) <= 5;
}

} // namespace

// The share of the rate limit bounds every request, counted where the tenant counts them; within it, a task
// that moves is checked about once a second and a queued one every poll interval.
class TestBudgetShare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The tenant (the sim) allows exactly the share: 5 requests a second. The engine believes the allowance is
    // 10 and uses half of it, with 1,500 running tasks wanting 6 list calls a round: not one 429. The same engine
    // with the whole allowance overruns the tenant: the sim does count what the test asserts.
    void theShareIsNeverExceeded_data()
    {
        QTest::addColumn<int>("share");
        QTest::addColumn<bool>("overrun");
        QTest::newRow("50 % of 10: inside the tenant's 5") << 50 << false;
        QTest::newRow("100 % of 10: the tenant refuses") << 100 << true;
    }
    void theShareIsNeverExceeded()
    {
        QFETCH(int, share);
        QFETCH(bool, overrun);
        SimConfig config;
        config.rateLimitRequests = 5;
        config.rateLimitSeconds = 1;
        auto sim = startSim(config);
        QStringList ids;
        for (int i = 0; i < 1500; ++i)
            ids.append(sim->addTask(scenarioTask(0, 3600)));
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setRequestBudget(10, seconds(1));
        monitor.setBudgetShare(share);
        QCOMPARE(monitor.client()->transport()->budget().requests(), share * 10 / 100);
        monitor.addTasks(ids);
        if (overrun) {
            QTRY_VERIFY_WITH_TIMEOUT(simStat(*sim, QStringLiteral("rateLimited")) > 0, 30000);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(simStat(*sim, QStringLiteral("totalRequests")) >= 25, 30000);
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
        QCOMPARE(simStat(*sim, QStringLiteral("requestsDuringRetryAfter")), 0);
    }

    void theShareIsAPartOfTheAllowance()
    {
        auto sim = startSim();
        TaskMonitor monitor(simProfile(*sim));
        QCOMPARE(monitor.client()->transport()->budget().requests(), 100); // the engine alone: everything
        monitor.setBudgetShare(TaskMonitor::DefaultBudgetShare);
        QCOMPARE(monitor.client()->transport()->budget().requests(), 50);
        monitor.setBudgetShare(1);
        QCOMPARE(monitor.client()->transport()->budget().requests(), 1);
        monitor.setBudgetShare(0); // clamped: at least one percent, at least one request
        QCOMPARE(monitor.budgetShare(), 1);
        monitor.setBudgetShare(250);
        QCOMPARE(monitor.budgetShare(), 100);
        monitor.setRequestBudget(7, seconds(10));
        monitor.setBudgetShare(50);
        QCOMPARE(monitor.client()->transport()->budget().requests(), 3); // rounded down: a bound
    }

    void aRunningTaskIsCheckedEverySecondAQueuedOneEveryInterval_data()
    {
        QTest::addColumn<bool>("fixed");
        QTest::newRow("adaptive") << false;
        QTest::newRow("fixed") << true;
    }
    void aRunningTaskIsCheckedEverySecondAQueuedOneEveryInterval()
    {
        QFETCH(bool, fixed);
        auto sim = startSim();
        const QString running = sim->addTask(scenarioTask(0, 3600));
        const QString queued = sim->addTask(scenarioTask(3600, 60));
        TaskMonitor monitor(simProfile(*sim));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.setBudgetShare(TaskMonitor::DefaultBudgetShare);
        if (fixed)
            monitor.setPollPace(PollScheduler::Pace::Fixed);
        monitor.addTasks({running, queued});
        QTRY_VERIFY(monitor.task(running)->status && monitor.task(queued)->status);
        QCOMPARE(monitor.task(running)->status->state(), TaskState::Running);
        QCOMPARE(monitor.task(queued)->status->state(), TaskState::Queued);
        QVERIFY2(aboutMSecs(*monitor.task(running), fixed ? 5000 : 1000), "a running task that moves");
        QVERIFY2(aboutMSecs(*monitor.task(queued), 5000), "a queued task: the poll interval");
        // Checked again at that pace: the next answer comes, and the plan stays.
        const QDateTime first = monitor.task(running)->checkedAt;
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(running)->checkedAt > first, 10000);
        QVERIFY(aboutMSecs(*monitor.task(running), fixed ? 5000 : 1000));
    }
};

QTEST_GUILESS_MAIN(TestBudgetShare)
#include "tst_budgetshare.moc"
