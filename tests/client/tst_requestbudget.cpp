#include "ManualClock.h"
#include "client/RequestBudget.h"

#include <QTest>

using namespace std::chrono;

class TestRequestBudget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allowsTheLimitThenWaitsForTheOldestToAge()
    {
        ManualClock clock;
        RequestBudget budget(3, seconds(10), milliseconds(500));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(budget.waitBeforeNext(clock.steady), milliseconds(0));
            budget.recordSent(clock.steady);
            clock.advance(seconds(1));
        }
        // Sent at t=0,1,2; now t=3: the slot of t=0 frees after 10.5 s.
        const milliseconds wait = budget.waitBeforeNext(clock.steady);
        QVERIFY2(wait > milliseconds(7400) && wait <= milliseconds(7501), qPrintable(QString::number(wait.count())));
        clock.advance(wait);
        QCOMPARE(budget.waitBeforeNext(clock.steady), milliseconds(0));
        QCOMPARE(budget.sentInWindow(clock.steady), 2);
    }

    void neverMoreThanTheLimitInAnyWindow()
    {
        // Send as fast as the budget allows for a simulated minute; count per sliding window.
        ManualClock clock;
        const SteadyTime start = clock.steady;
        RequestBudget budget(100, seconds(10), milliseconds(0));
        QList<qint64> sent;
        while (start.msecsTo(clock.steady) < 60000) {
            const milliseconds wait = budget.waitBeforeNext(clock.steady);
            if (wait > milliseconds(0)) {
                clock.advance(wait);
                continue;
            }
            budget.recordSent(clock.steady);
            sent.append(start.msecsTo(clock.steady));
            clock.advance(milliseconds(7));
        }
        QVERIFY(sent.size() >= 600);
        for (qsizetype i = 0; i < sent.size(); ++i) {
            qsizetype inWindow = 0;
            for (qsizetype j = i; j < sent.size() && sent.at(j) < sent.at(i) + 10000; ++j)
                ++inWindow;
            QVERIFY2(inWindow <= 100, qPrintable(QString::number(inWindow)));
        }
    }

    void holdBlocksEverythingUntilItEnds()
    {
        ManualClock clock;
        RequestBudget budget(100, seconds(10));
        budget.holdUntil(clock.steady.addSecs(7));
        QVERIFY(budget.isHeld(clock.steady));
        QCOMPARE(budget.waitBeforeNext(clock.steady), milliseconds(7000));
        budget.holdUntil(clock.steady.addSecs(3)); // an earlier end does not shorten the hold
        QCOMPARE(budget.heldUntil(), clock.steady.addSecs(7));
        clock.advance(seconds(7));
        QVERIFY(!budget.isHeld(clock.steady));
        QCOMPARE(budget.waitBeforeNext(clock.steady), milliseconds(0));
    }

    void changedLimitAppliesAtOnce()
    {
        ManualClock clock;
        RequestBudget budget(100, seconds(10), milliseconds(0));
        budget.recordSent(clock.steady);
        budget.recordSent(clock.steady);
        budget.setLimit(2, seconds(1));
        QCOMPARE(budget.waitBeforeNext(clock.steady), milliseconds(1001));
    }

    void wallClockStepsChangeNothing()
    {
        // The budget sees only the monotonic clock: setting the wall clock an hour forwards or back neither
        // forgets the window (a burst past the allowance) nor stretches it (a stall).
        for (const auto step : {hours(1), -hours(1)}) {
            ManualClock clock;
            RequestBudget budget(2, seconds(10), milliseconds(0));
            EngineClock engine = clock.engine();
            budget.recordSent(engine.steady());
            budget.recordSent(engine.steady());
            budget.holdUntil(engine.steady().addSecs(4));
            clock.stepWall(step);
            QCOMPARE(budget.waitBeforeNext(engine.steady()), milliseconds(10001));
            QCOMPARE(budget.sentInWindow(engine.steady()), 2);
            QVERIFY(budget.isHeld(engine.steady()));
            clock.advance(seconds(9));
            QCOMPARE(budget.waitBeforeNext(engine.steady()), milliseconds(1001));
            clock.advance(milliseconds(1001));
            QCOMPARE(budget.waitBeforeNext(engine.steady()), milliseconds(0));
        }
    }
};

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
