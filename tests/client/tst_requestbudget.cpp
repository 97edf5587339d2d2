#include "ManualClock.h"
#include "RequestBudget.h"

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
            QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(0));
            budget.recordSent(clock.now);
            clock.advance(seconds(1));
        }
        // Sent at t=0,1,2; now t=3: the slot of t=0 frees after 10.5 s.
        const milliseconds wait = budget.waitBeforeNext(clock.now);
        QVERIFY2(wait > milliseconds(7400) && wait <= milliseconds(7501), qPrintable(QString::number(wait.count())));
        clock.advance(wait);
        QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(0));
        QCOMPARE(budget.sentInWindow(clock.now), 2);
    }

    void neverMoreThanTheLimitInAnyWindow()
    {
        // Send as fast as the budget allows for a simulated minute; count per sliding window.
        ManualClock clock;
        const QDateTime start = clock.now;
        RequestBudget budget(100, seconds(10), milliseconds(0));
        QList<qint64> sent;
        while (start.msecsTo(clock.now) < 60000) {
            const milliseconds wait = budget.waitBeforeNext(clock.now);
            if (wait > milliseconds(0)) {
                clock.advance(wait);
                continue;
            }
            budget.recordSent(clock.now);
            sent.append(start.msecsTo(clock.now));
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
        budget.holdUntil(clock.now.addSecs(7));
        QVERIFY(budget.isHeld(clock.now));
        QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(7000));
        budget.holdUntil(clock.now.addSecs(3)); // an earlier end does not shorten the hold
        QCOMPARE(budget.heldUntil(), clock.now.addSecs(7));
        clock.advance(seconds(7));
        QVERIFY(!budget.isHeld(clock.now));
        QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(0));
    }

    void changedLimitAppliesAtOnce()
    {
        ManualClock clock;
        RequestBudget budget(100, seconds(10), milliseconds(0));
        budget.recordSent(clock.now);
        budget.recordSent(clock.now);
        budget.setLimit(2, seconds(1));
        QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(1001));
    }

    void clockSetBackwardsDoesNotStall()
    {
        ManualClock clock;
        RequestBudget budget(1, seconds(10));
        budget.recordSent(clock.now);
        clock.advance(-hours(1));
        QCOMPARE(budget.waitBeforeNext(clock.now), milliseconds(0));
    }
};

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
