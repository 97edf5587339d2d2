#include "sim/TaskLife.h"

#include <QTest>

class TestTaskLife : public QObject
{
    Q_OBJECT

private:
    // Created at t=1,000,000 ms, queued 10 s, running 100 s.
    static TaskTiming timing(int finalPercent = 100, int steps = 5)
    {
        return TaskTiming {1000000, 10000, 100000, finalPercent, steps};
    }

private Q_SLOTS:
    void queuedUntilLaunch()
    {
        const TaskTiming t = timing();
        for (qint64 now : {t.createdMs - 5000, t.createdMs, t.launchedMs() - 1}) {
            const TaskMoment moment = TaskLife::at(t, now);
            QCOMPARE(moment.phase, TaskPhase::Queued);
            QCOMPARE(moment.modifiedMs, t.createdMs);
            QCOMPARE(moment.percentComplete, 0);
            QCOMPARE(moment.progressStep, -1);
        }
    }

    void runningFromLaunchToCompletion()
    {
        const TaskTiming t = timing();
        QCOMPARE(TaskLife::at(t, t.launchedMs()).phase, TaskPhase::Running);
        QCOMPARE(TaskLife::at(t, t.launchedMs()).percentComplete, 0);
        QCOMPARE(TaskLife::at(t, t.launchedMs()).modifiedMs, t.launchedMs());
        QCOMPARE(TaskLife::at(t, t.completedMs() - 1).phase, TaskPhase::Running);
        QCOMPARE(TaskLife::at(t, t.completedMs() - 1).percentComplete, 99); // 100 only once completed
    }

    void progressRisesInSteps()
    {
        const TaskTiming t = timing();
        const qint64 interval = TaskLife::updateIntervalMs(t.durationMs);
        QCOMPARE(interval, 1000); // 1/100 of 100 s
        TaskMoment previous = TaskLife::at(t, t.launchedMs());
        int modifiedChanges = 0;
        for (qint64 now = t.launchedMs(); now < t.completedMs(); now += 250) {
            const TaskMoment moment = TaskLife::at(t, now);
            QCOMPARE(moment.phase, TaskPhase::Running);
            QVERIFY(moment.percentComplete >= previous.percentComplete);
            QVERIFY(moment.progressStep >= previous.progressStep);
            QVERIFY(moment.modifiedMs >= previous.modifiedMs);
            QVERIFY(moment.modifiedMs <= now);
            QVERIFY(now - moment.modifiedMs < interval);
            QCOMPARE((moment.modifiedMs - t.launchedMs()) % interval, 0);
            if (moment.modifiedMs != previous.modifiedMs)
                ++modifiedChanges;
            if (moment.modifiedMs == previous.modifiedMs) // between two reports nothing changes
                QCOMPARE(moment, previous);
            previous = moment;
        }
        QCOMPARE(modifiedChanges, 99);
        // Half way through: half done, in the middle progress text.
        const TaskMoment half = TaskLife::at(t, t.launchedMs() + 50000);
        QCOMPARE(half.percentComplete, 50);
        QCOMPARE(half.progressStep, 2);
        QCOMPARE(TaskLife::at(t, t.launchedMs()).progressStep, 0);
        QCOMPARE(TaskLife::at(t, t.completedMs() - 1).progressStep, 4);
    }

    void completedKeepsItsTimes()
    {
        const TaskTiming t = timing();
        for (qint64 now : {t.completedMs(), t.completedMs() + 1, t.completedMs() + 86400000}) {
            const TaskMoment moment = TaskLife::at(t, now);
            QCOMPARE(moment.phase, TaskPhase::Completed);
            QCOMPARE(moment.modifiedMs, t.completedMs());
            QCOMPARE(moment.percentComplete, 100);
            QCOMPARE(moment.progressStep, -1);
        }
    }

    void failuresStopShort()
    {
        const TaskTiming t = timing(60);
        QCOMPARE(TaskLife::at(t, t.launchedMs() + 50000).percentComplete, 30);
        QCOMPARE(TaskLife::at(t, t.completedMs() - 1).percentComplete, 59);
        QCOMPARE(TaskLife::at(t, t.completedMs()).percentComplete, 60);
    }

    void zeroDurationsComplete()
    {
        const TaskTiming instant {5000, 0, 0, 100, 3};
        QCOMPARE(TaskLife::at(instant, 4999).phase, TaskPhase::Queued);
        QCOMPARE(TaskLife::at(instant, 5000).phase, TaskPhase::Completed);
        QCOMPARE(TaskLife::at(instant, 5000).modifiedMs, 5000);
        const TaskTiming noQueue {5000, 0, 2000, 100, 3};
        QCOMPARE(TaskLife::at(noQueue, 5000).phase, TaskPhase::Running);
    }

    void stuckTasksStopAndNeverComplete_data()
    {
        QTest::addColumn<int>("stuckAt");
        for (int percent : {0, 1, 29, 40, 57, 98, 99})
            QTest::addRow("%d %%", percent) << percent;
    }
    void stuckTasksStopAndNeverComplete()
    {
        QFETCH(int, stuckAt);
        TaskTiming t = timing(100, 5);
        t.stuckAtPercent = stuckAt;
        const qint64 interval = TaskLife::updateIntervalMs(t.durationMs);
        TaskMoment previous = TaskLife::at(t, t.launchedMs());
        qint64 stoppedAt = -1;
        // Well past the time it would have completed: running, never above its percentage.
        for (qint64 now = t.launchedMs(); now < t.completedMs() + 30000; now += 250) {
            const TaskMoment moment = TaskLife::at(t, now);
            QCOMPARE(moment.phase, TaskPhase::Running);
            QVERIFY(moment.percentComplete <= stuckAt);
            QVERIFY(moment.percentComplete >= previous.percentComplete);
            QVERIFY(moment.modifiedMs >= previous.modifiedMs);
            if (moment.percentComplete == stuckAt && stoppedAt < 0)
                stoppedAt = moment.modifiedMs;
            previous = moment;
        }
        // It stops at the first report that reaches the percentage (as it would have climbed to 100 %)...
        QVERIFY(stoppedAt >= 0);
        QCOMPARE(stoppedAt - t.launchedMs(), (t.durationMs * stuckAt / 100 + interval - 1) / interval * interval);
        // ...and from then on nothing changes, a day or a year later: `modified` says when it last moved.
        const TaskMoment stuck = TaskLife::at(t, stoppedAt);
        QCOMPARE(TaskLife::at(t, t.completedMs() + 86400000), stuck);
        QCOMPARE(TaskLife::at(t, t.completedMs() + 365LL * 86400000), stuck);
        QCOMPARE(stuck.percentComplete, stuckAt);
        QVERIFY(stuck.progressStep >= 0 && stuck.progressStep < 5);
    }

    // stuckFor: stuck at the percentage for a while, then on as before, completing that much later.
    void aTaskStuckForAWhileGoesOnAndCompletesLater()
    {
        TaskTiming plain = timing(100, 5);
        TaskTiming t = plain;
        t.stuckAtPercent = 40;
        t.stuckForMs = 20000;
        QVERIFY(!t.isStuck());
        QVERIFY(t.pausesOnly());
        QCOMPARE(t.completedMs(), plain.completedMs() + 20000);
        const qint64 interval = TaskLife::updateIntervalMs(t.durationMs);
        const qint64 pauseStart = t.launchedMs() + (t.durationMs * 40 / 100 + interval - 1) / interval * interval;
        // Before the pause: the plain task.
        QCOMPARE(TaskLife::at(t, pauseStart - 1), TaskLife::at(plain, pauseStart - 1));
        // During it: nothing moves, `modified` stays where it stopped.
        const TaskMoment held = TaskLife::at(t, pauseStart);
        QCOMPARE(held.percentComplete, 40);
        QCOMPARE(TaskLife::at(t, pauseStart + 19999), held);
        // After it: the plain task's life, 20 s later; it completes with the plain task's end, 20 s later.
        TaskMoment later = TaskLife::at(plain, pauseStart + 5000);
        later.modifiedMs += 20000;
        QCOMPARE(TaskLife::at(t, pauseStart + 25000), later);
        QVERIFY(TaskLife::at(t, pauseStart + 25000).percentComplete > 40);
        QCOMPARE(TaskLife::at(t, t.completedMs() - 1).phase, TaskPhase::Running);
        const TaskMoment done = TaskLife::at(t, t.completedMs());
        QCOMPARE(done.phase, TaskPhase::Completed);
        QCOMPARE(done.modifiedMs, t.completedMs());
    }

    void stuckTasksQueueFirstAndIgnoreTheirFinalPercent()
    {
        TaskTiming t = timing(30, 3); // a failure's final percentage does not cap a stuck task
        t.stuckAtPercent = 40;
        QCOMPARE(TaskLife::at(t, t.launchedMs() - 1).phase, TaskPhase::Queued);
        QCOMPARE(TaskLife::at(t, t.launchedMs() + 20000).percentComplete, 20);
        QCOMPARE(TaskLife::at(t, t.completedMs()).percentComplete, 40);
        QCOMPARE(TaskLife::at(t, t.completedMs()).phase, TaskPhase::Running);
        // Zero duration: at its percentage from launch on.
        TaskTiming instant {5000, 0, 0, 100, 3};
        instant.stuckAtPercent = 12;
        QCOMPARE(TaskLife::at(instant, 5000).phase, TaskPhase::Running);
        QCOMPARE(TaskLife::at(instant, 5000).percentComplete, 12);
        QCOMPARE(TaskLife::at(instant, 900000).modifiedMs, 5000);
    }

    void intervalBounds()
    {
        QCOMPARE(TaskLife::updateIntervalMs(0), 200);
        QCOMPARE(TaskLife::updateIntervalMs(10000), 200);
        QCOMPARE(TaskLife::updateIntervalMs(600000), 6000);
        QCOMPARE(TaskLife::updateIntervalMs(86400000), 15000);
    }

    void stepsNeverOutOfRange()
    {
        for (int steps : {0, 1, 2, 7}) {
            const TaskTiming t = timing(100, steps);
            for (qint64 now = t.launchedMs(); now < t.completedMs(); now += 777) {
                const int step = TaskLife::at(t, now).progressStep;
                QVERIFY(step >= 0);
                QVERIFY(step < std::max(steps, 1));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestTaskLife)
#include "tst_tasklife.moc"
