#include "ManualClock.h"
#include "client/PollScheduler.h"

#include <QTest>

using namespace std::chrono;

namespace {

const QString a = QStringLiteral("a");
const QString b = QStringLiteral("b");
const QString c = QStringLiteral("c");

} // namespace

class TestPollScheduler : public QObject
{
    Q_OBJECT
private:
    ManualClock m_clock;
    double m_random = 0.0;
    PollScheduler make()
    {
        return PollScheduler([this] { return m_random; });
    }

private Q_SLOTS:
    void init()
    {
        m_clock = ManualClock();
        m_random = 0.0;
    }

    void newTaskIsDueAtOnceThenEveryInterval()
    {
        PollScheduler scheduler = make();
        scheduler.setPace(PollScheduler::Pace::Fixed); // the interval's own rhythm
        scheduler.add(a, false, m_clock.steady);
        QCOMPARE(scheduler.nextWakeUp(), m_clock.steady);
        QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {a});
        QVERIFY(scheduler.isInFlight(a));
        QVERIFY(scheduler.takeDue(m_clock.steady).isEmpty()); // never handed out twice
        QVERIFY(!scheduler.nextWakeUp().isValid());
        m_clock.advance(milliseconds(300));
        const SteadyTime next = scheduler.recordStatus(a, false, m_clock.steady);
        QCOMPARE(next, m_clock.steady.addSecs(5));
        QCOMPARE(scheduler.nextCheck(a), next);
        QCOMPARE(scheduler.nextWakeUp(), next);
        m_clock.advance(seconds(3));
        QVERIFY(scheduler.takeDue(m_clock.steady).isEmpty());
        m_clock.advance(seconds(2));
        QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {a});
    }

    void finishedTaskIsNeverDueOnATimer()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, true, m_clock.steady); // known finished (from the watch list)
        QVERIFY(!scheduler.nextCheck(a).isValid());
        QVERIFY(!scheduler.nextWakeUp().isValid());
        m_clock.advance(hours(24));
        QVERIFY(scheduler.takeDue(m_clock.steady).isEmpty());

        scheduler.add(b, false, m_clock.steady);
        QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {b});
        QVERIFY(!scheduler.recordStatus(b, true, m_clock.steady).isValid());
        m_clock.advance(hours(1));
        QVERIFY(scheduler.takeDue(m_clock.steady).isEmpty());
    }

    void refreshNowOfAFinishedTask()
    {
        PollScheduler scheduler = make();
        scheduler.setPace(PollScheduler::Pace::Fixed); // the interval's own rhythm
        scheduler.add(a, true, m_clock.steady);
        scheduler.markInFlight({a});
        QVERIFY(scheduler.isInFlight(a));
        QVERIFY(!scheduler.recordStatus(a, true, m_clock.steady).isValid()); // still finished
        QVERIFY(!scheduler.isInFlight(a));
        scheduler.markInFlight({a});
        // It runs again (re-run on the tenant): back on the timetable.
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.steady), m_clock.steady.addSecs(5));
    }

    void notFoundBacksOffExponentiallyToTheCap()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        qint64 previous = 0;
        m_random = 0.0; // the lower jitter bound: half of the full delay
        for (int i = 1; i <= 12; ++i) {
            QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {a});
            const SteadyTime next = scheduler.recordNotFound(a, m_clock.steady);
            const qint64 wait = m_clock.steady.msecsTo(next);
            const qint64 expected = std::min<qint64>(5000LL << i, 300000) / 2;
            QCOMPARE(wait, expected);
            QVERIFY(wait >= previous);
            QCOMPARE(scheduler.failures(a), i);
            previous = wait;
            m_clock.steady = next;
        }
        QCOMPARE(previous, qint64(150000));
    }

    void jitterStaysWithinTheCap()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        m_random = 0.999999;
        for (int i = 0; i < 30; ++i) {
            scheduler.takeDue(m_clock.steady);
            const SteadyTime next = scheduler.recordFailure(a, m_clock.steady);
            QVERIFY(m_clock.steady.msecsTo(next) <= 300000);
            QVERIFY(m_clock.steady.msecsTo(next) >= 5000); // never sooner than one interval
            m_clock.steady = next;
        }
    }

    void successResetsTheBackoff()
    {
        PollScheduler scheduler = make();
        scheduler.setPace(PollScheduler::Pace::Fixed); // the interval's own rhythm
        scheduler.add(a, false, m_clock.steady);
        scheduler.takeDue(m_clock.steady);
        m_clock.steady = scheduler.recordFailure(a, m_clock.steady);
        scheduler.takeDue(m_clock.steady);
        m_clock.steady = scheduler.recordFailure(a, m_clock.steady);
        QCOMPARE(scheduler.failures(a), 2);
        scheduler.takeDue(m_clock.steady);
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.steady), m_clock.steady.addSecs(5));
        QCOMPARE(scheduler.failures(a), 0);
    }

    void pauseAndResume()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady);
        scheduler.setPaused(a, true, m_clock.steady);
        QVERIFY(scheduler.isPaused(a));
        QVERIFY(!scheduler.nextCheck(a).isValid());
        QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {b});
        scheduler.recordStatus(b, false, m_clock.steady);
        m_clock.advance(minutes(10));
        scheduler.setPaused(a, false, m_clock.steady);
        QCOMPARE(scheduler.nextCheck(a), m_clock.steady); // overdue while paused: due now, not in the past
        QCOMPARE(scheduler.takeDue(m_clock.steady), (QStringList {b, a}));
    }

    void pausedTaskCanStillBeRefreshedOnRequest()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.setPaused(a, true, m_clock.steady);
        scheduler.markInFlight({a});
        scheduler.recordStatus(a, false, m_clock.steady);
        QVERIFY(!scheduler.nextCheck(a).isValid()); // still paused
        QVERIFY(scheduler.takeDue(m_clock.steady.addSecs(60)).isEmpty());
    }

    void tasksDueSoonShareTheCall()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady.addMSecs(1000)); // within a quarter interval (1.25 s)
        scheduler.add(c, false, m_clock.steady.addMSecs(2000)); // beyond
        QCOMPARE(scheduler.takeDue(m_clock.steady), (QStringList {a, b}));
        QCOMPARE(scheduler.nextWakeUp(), m_clock.steady.addMSecs(2000));
    }

    void earliestFirstThenInsertionOrder()
    {
        PollScheduler scheduler = make();
        scheduler.add(c, false, m_clock.steady);
        scheduler.add(a, false, m_clock.steady.addMSecs(-500));
        scheduler.add(b, false, m_clock.steady);
        QCOMPARE(scheduler.takeDue(m_clock.steady), (QStringList {a, c, b}));
    }

    void connectionFailuresHoldTheProfile()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady);
        scheduler.takeDue(m_clock.steady);
        const SteadyTime hold = scheduler.recordConnectionFailure(m_clock.steady);
        QCOMPARE(m_clock.steady.msecsTo(hold), 1000); // 2 s base, lower jitter bound
        // The other request of the same burst fails too: the hold does not grow.
        QCOMPARE(scheduler.recordConnectionFailure(m_clock.steady.addMSecs(10)), hold);
        scheduler.requeue(a, hold);
        scheduler.requeue(b, m_clock.steady);
        QCOMPARE(scheduler.nextCheck(b), hold); // everything waits for the hold
        QVERIFY(scheduler.takeDue(hold.addMSecs(-1)).isEmpty());
        QCOMPARE(scheduler.nextWakeUp(), hold);
        m_clock.steady = hold;
        QCOMPARE(scheduler.takeDue(m_clock.steady).size(), 2);
        const SteadyTime second = scheduler.recordConnectionFailure(m_clock.steady);
        QCOMPARE(m_clock.steady.msecsTo(second), 2000);
        QCOMPARE(scheduler.connectionFailures(), 2);
        scheduler.recordConnectionSuccess();
        QCOMPARE(scheduler.connectionFailures(), 0);
        QVERIFY(!scheduler.heldUntil().isValid());
    }

    void requeueKeepsAFinishedTaskFinished()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, true, m_clock.steady);
        scheduler.markInFlight({a});
        QVERIFY(!scheduler.requeue(a, SteadyTime()).isValid());
        QVERIFY(!scheduler.isInFlight(a));
        QCOMPARE(scheduler.failures(a), 0);
    }

    void intervalIsClampedAndShorteningTakesEffect()
    {
        PollScheduler scheduler = make();
        scheduler.setPace(PollScheduler::Pace::Fixed); // the interval's own rhythm
        scheduler.setInterval(seconds(0), m_clock.steady);
        QCOMPARE(scheduler.interval(), seconds(1));
        scheduler.setInterval(seconds(100000), m_clock.steady);
        QCOMPARE(scheduler.interval(), seconds(300));
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady);
        scheduler.takeDue(m_clock.steady);
        scheduler.recordStatus(a, false, m_clock.steady); // due in 300 s
        scheduler.recordFailure(b, m_clock.steady); // backed off: keeps its backoff
        QCOMPARE(scheduler.setInterval(seconds(10), m_clock.steady), QStringList {a});
        QCOMPARE(scheduler.nextCheck(a), m_clock.steady.addSecs(10));
        QVERIFY(scheduler.setInterval(seconds(60), m_clock.steady).isEmpty()); // lengthening moves nothing
    }

    // The adaptive pace (default): the movement the engine saw decides, the share's floor bounds it, and the
    // fixed pace ignores both.
    void adaptivePaceFollowsTheMovement()
    {
        PollScheduler scheduler = make();
        QCOMPARE(scheduler.pace(), PollScheduler::Pace::Adaptive);
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady);
        scheduler.takeDue(m_clock.steady);
        PollPace::Movement moving;
        moving.lastMoved = m_clock.steady;
        PollPace::Movement queued;
        queued.queued = true;
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.steady, moving), m_clock.steady.addSecs(1));
        QCOMPARE(scheduler.recordStatus(b, false, m_clock.steady, queued), m_clock.steady.addSecs(5));
        scheduler.setRoundFloor(seconds(8));
        scheduler.takeDue(m_clock.steady.addSecs(5));
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.steady, moving), m_clock.steady.addSecs(8));
        scheduler.setPace(PollScheduler::Pace::Fixed);
        scheduler.takeDue(m_clock.steady.addSecs(8));
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.steady, moving), m_clock.steady.addSecs(5));
    }

    // Rounds spread over the share gather a quarter of their period, so that each stays at the floor of list
    // calls instead of splitting into part-filled ones.
    void aRoundGathersAQuarterOfTheFloor()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, false, m_clock.steady.addSecs(2));
        scheduler.add(c, false, m_clock.steady.addSecs(3));
        QCOMPARE(scheduler.takeDue(m_clock.steady), QStringList {a}); // the interval's quarter: 1.25 s
        scheduler.recordStatus(a, false, m_clock.steady.addSecs(9));
        scheduler.setRoundFloor(seconds(10));
        QCOMPARE(scheduler.takeDue(m_clock.steady), (QStringList {b})); // 2.5 s: b, not c
        QCOMPARE(scheduler.takeDue(m_clock.steady.addMSecs(500)), (QStringList {c}));
    }

    void timedCountLeavesOutFinishedAndPaused()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.add(b, true, m_clock.steady);
        scheduler.add(c, false, m_clock.steady);
        QCOMPARE(scheduler.timedCount(), 2);
        scheduler.setPaused(c, true, m_clock.steady);
        QCOMPARE(scheduler.timedCount(), 1);
    }

    void removeForgetsTheTask()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.steady);
        scheduler.remove(a);
        QVERIFY(!scheduler.contains(a));
        QVERIFY(scheduler.takeDue(m_clock.steady).isEmpty());
        QVERIFY(!scheduler.recordStatus(a, false, m_clock.steady).isValid());
    }
};

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_pollscheduler.moc"
