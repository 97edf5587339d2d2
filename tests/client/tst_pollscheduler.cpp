#include "ManualClock.h"
#include "PollScheduler.h"

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
        scheduler.add(a, false, m_clock.now);
        QCOMPARE(scheduler.nextWakeUp(), m_clock.now);
        QCOMPARE(scheduler.takeDue(m_clock.now), QStringList {a});
        QVERIFY(scheduler.isInFlight(a));
        QVERIFY(scheduler.takeDue(m_clock.now).isEmpty()); // never handed out twice
        QVERIFY(!scheduler.nextWakeUp().isValid());
        m_clock.advance(milliseconds(300));
        const QDateTime next = scheduler.recordStatus(a, false, m_clock.now);
        QCOMPARE(next, m_clock.now.addSecs(5));
        QCOMPARE(scheduler.nextCheck(a), next);
        QCOMPARE(scheduler.nextWakeUp(), next);
        m_clock.advance(seconds(3));
        QVERIFY(scheduler.takeDue(m_clock.now).isEmpty());
        m_clock.advance(seconds(2));
        QCOMPARE(scheduler.takeDue(m_clock.now), QStringList {a});
    }

    void finishedTaskIsNeverDueOnATimer()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, true, m_clock.now); // known finished (from the watch list)
        QVERIFY(!scheduler.nextCheck(a).isValid());
        QVERIFY(!scheduler.nextWakeUp().isValid());
        m_clock.advance(hours(24));
        QVERIFY(scheduler.takeDue(m_clock.now).isEmpty());

        scheduler.add(b, false, m_clock.now);
        QCOMPARE(scheduler.takeDue(m_clock.now), QStringList {b});
        QVERIFY(!scheduler.recordStatus(b, true, m_clock.now).isValid());
        m_clock.advance(hours(1));
        QVERIFY(scheduler.takeDue(m_clock.now).isEmpty());
    }

    void refreshNowOfAFinishedTask()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, true, m_clock.now);
        scheduler.markInFlight({a});
        QVERIFY(scheduler.isInFlight(a));
        QVERIFY(!scheduler.recordStatus(a, true, m_clock.now).isValid()); // still finished
        QVERIFY(!scheduler.isInFlight(a));
        scheduler.markInFlight({a});
        // It runs again (re-run on the tenant): back on the timetable.
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.now), m_clock.now.addSecs(5));
    }

    void notFoundBacksOffExponentiallyToTheCap()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        qint64 previous = 0;
        m_random = 0.0; // the lower jitter bound: half of the full delay
        for (int i = 1; i <= 12; ++i) {
            QCOMPARE(scheduler.takeDue(m_clock.now), QStringList {a});
            const QDateTime next = scheduler.recordNotFound(a, m_clock.now);
            const qint64 wait = m_clock.now.msecsTo(next);
            const qint64 expected = std::min<qint64>(5000LL << i, 300000) / 2;
            QCOMPARE(wait, expected);
            QVERIFY(wait >= previous);
            QCOMPARE(scheduler.failures(a), i);
            previous = wait;
            m_clock.now = next;
        }
        QCOMPARE(previous, qint64(150000));
    }

    void jitterStaysWithinTheCap()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        m_random = 0.999999;
        for (int i = 0; i < 30; ++i) {
            scheduler.takeDue(m_clock.now);
            const QDateTime next = scheduler.recordFailure(a, m_clock.now);
            QVERIFY(m_clock.now.msecsTo(next) <= 300000);
            QVERIFY(m_clock.now.msecsTo(next) >= 5000); // never sooner than one interval
            m_clock.now = next;
        }
    }

    void successResetsTheBackoff()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.takeDue(m_clock.now);
        m_clock.now = scheduler.recordFailure(a, m_clock.now);
        scheduler.takeDue(m_clock.now);
        m_clock.now = scheduler.recordFailure(a, m_clock.now);
        QCOMPARE(scheduler.failures(a), 2);
        scheduler.takeDue(m_clock.now);
        QCOMPARE(scheduler.recordStatus(a, false, m_clock.now), m_clock.now.addSecs(5));
        QCOMPARE(scheduler.failures(a), 0);
    }

    void pauseAndResume()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.add(b, false, m_clock.now);
        scheduler.setPaused(a, true, m_clock.now);
        QVERIFY(scheduler.isPaused(a));
        QVERIFY(!scheduler.nextCheck(a).isValid());
        QCOMPARE(scheduler.takeDue(m_clock.now), QStringList {b});
        scheduler.recordStatus(b, false, m_clock.now);
        m_clock.advance(minutes(10));
        scheduler.setPaused(a, false, m_clock.now);
        QCOMPARE(scheduler.nextCheck(a), m_clock.now); // overdue while paused: due now, not in the past
        QCOMPARE(scheduler.takeDue(m_clock.now), (QStringList {b, a}));
    }

    void pausedTaskCanStillBeRefreshedOnRequest()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.setPaused(a, true, m_clock.now);
        scheduler.markInFlight({a});
        scheduler.recordStatus(a, false, m_clock.now);
        QVERIFY(!scheduler.nextCheck(a).isValid()); // still paused
        QVERIFY(scheduler.takeDue(m_clock.now.addSecs(60)).isEmpty());
    }

    void tasksDueSoonShareTheCall()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.add(b, false, m_clock.now.addMSecs(1000)); // within a quarter interval (1.25 s)
        scheduler.add(c, false, m_clock.now.addMSecs(2000)); // beyond
        QCOMPARE(scheduler.takeDue(m_clock.now), (QStringList {a, b}));
        QCOMPARE(scheduler.nextWakeUp(), m_clock.now.addMSecs(2000));
    }

    void earliestFirstThenInsertionOrder()
    {
        PollScheduler scheduler = make();
        scheduler.add(c, false, m_clock.now);
        scheduler.add(a, false, m_clock.now.addMSecs(-500));
        scheduler.add(b, false, m_clock.now);
        QCOMPARE(scheduler.takeDue(m_clock.now), (QStringList {a, c, b}));
    }

    void connectionFailuresHoldTheProfile()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.add(b, false, m_clock.now);
        scheduler.takeDue(m_clock.now);
        const QDateTime hold = scheduler.recordConnectionFailure(m_clock.now);
        QCOMPARE(m_clock.now.msecsTo(hold), 1000); // 2 s base, lower jitter bound
        // The other request of the same burst fails too: the hold does not grow.
        QCOMPARE(scheduler.recordConnectionFailure(m_clock.now.addMSecs(10)), hold);
        scheduler.requeue(a, hold);
        scheduler.requeue(b, m_clock.now);
        QCOMPARE(scheduler.nextCheck(b), hold); // everything waits for the hold
        QVERIFY(scheduler.takeDue(hold.addMSecs(-1)).isEmpty());
        QCOMPARE(scheduler.nextWakeUp(), hold);
        m_clock.now = hold;
        QCOMPARE(scheduler.takeDue(m_clock.now).size(), 2);
        const QDateTime second = scheduler.recordConnectionFailure(m_clock.now);
        QCOMPARE(m_clock.now.msecsTo(second), 2000);
        QCOMPARE(scheduler.connectionFailures(), 2);
        scheduler.recordConnectionSuccess();
        QCOMPARE(scheduler.connectionFailures(), 0);
        QVERIFY(!scheduler.heldUntil().isValid());
    }

    void requeueKeepsAFinishedTaskFinished()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, true, m_clock.now);
        scheduler.markInFlight({a});
        QVERIFY(!scheduler.requeue(a, QDateTime()).isValid());
        QVERIFY(!scheduler.isInFlight(a));
        QCOMPARE(scheduler.failures(a), 0);
    }

    void intervalIsClampedAndShorteningTakesEffect()
    {
        PollScheduler scheduler = make();
        scheduler.setInterval(seconds(0), m_clock.now);
        QCOMPARE(scheduler.interval(), seconds(1));
        scheduler.setInterval(seconds(100000), m_clock.now);
        QCOMPARE(scheduler.interval(), seconds(300));
        scheduler.add(a, false, m_clock.now);
        scheduler.add(b, false, m_clock.now);
        scheduler.takeDue(m_clock.now);
        scheduler.recordStatus(a, false, m_clock.now); // due in 300 s
        scheduler.recordFailure(b, m_clock.now); // backed off: keeps its backoff
        QCOMPARE(scheduler.setInterval(seconds(10), m_clock.now), QStringList {a});
        QCOMPARE(scheduler.nextCheck(a), m_clock.now.addSecs(10));
        QVERIFY(scheduler.setInterval(seconds(60), m_clock.now).isEmpty()); // lengthening moves nothing
    }

    void removeForgetsTheTask()
    {
        PollScheduler scheduler = make();
        scheduler.add(a, false, m_clock.now);
        scheduler.remove(a);
        QVERIFY(!scheduler.contains(a));
        QVERIFY(scheduler.takeDue(m_clock.now).isEmpty());
        QVERIFY(!scheduler.recordStatus(a, false, m_clock.now).isValid());
    }
};

QTEST_GUILESS_MAIN(TestPollScheduler)
#include "tst_pollscheduler.moc"
