#include "client/PollPace.h"

#include <QTest>

using namespace std::chrono;
using PollPace::Movement;

namespace {

const SteadyTime now = SteadyTime::fromMSecs(5'000'000);

} // namespace

// The pace of checks: about once a second while a task moves, the poll interval once it waits or stands still,
// just after its expected end, and never faster than the share of the rate limit pays for.
class TestPollPace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundFloor_data()
    {
        QTest::addColumn<qsizetype>("requestsPerRound");
        QTest::addColumn<int>("budget");
        QTest::addColumn<qint64>("expectedMs");
        // 50 per 10 s (the default share), 90 % of it for polling: 4.5 requests a second.
        QTest::newRow("200 tasks: one list call, a second apart") << qsizetype(1) << 50 << qint64(1000);
        QTest::newRow("1,000 tasks: four calls") << qsizetype(4) << 50 << qint64(1000);
        QTest::newRow("2,000 tasks: eight calls, 1.8 s") << qsizetype(8) << 50 << qint64(1778);
        QTest::newRow("10,000 tasks: forty calls, 8.9 s") << qsizetype(40) << 50 << qint64(8889);
        QTest::newRow("the whole allowance") << qsizetype(40) << 100 << qint64(4445);
        QTest::newRow("a 1 % share: one request per ten seconds") << qsizetype(1) << 1 << qint64(11112);
        QTest::newRow("nothing to check") << qsizetype(0) << 50 << qint64(1000);
        QTest::newRow("per-id GETs for 200 tasks") << qsizetype(200) << 50 << qint64(44445);
    }
    void roundFloor()
    {
        QFETCH(qsizetype, requestsPerRound);
        QFETCH(int, budget);
        QFETCH(qint64, expectedMs);
        QCOMPARE(PollPace::roundFloor(requestsPerRound, budget, seconds(10)).count(), expectedMs);
    }

    void nextDelay_data()
    {
        QTest::addColumn<bool>("queued");
        QTest::addColumn<qint64>("movedAgoMs"); // -1: unknown
        QTest::addColumn<qint64>("endInMs"); // -1: unknown
        QTest::addColumn<qint64>("ceilingMs");
        QTest::addColumn<qint64>("floorMs");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("moving: once a second")
                << false << qint64(2000) << qint64(-1) << qint64(5000) << qint64(1000) << qint64(1000);
        QTest::newRow("first answer: moving")
                << false << qint64(-1) << qint64(-1) << qint64(5000) << qint64(1000) << qint64(1000);
        QTest::newRow("queued: the poll interval")
                << true << qint64(0) << qint64(-1) << qint64(5000) << qint64(1000) << qint64(5000);
        QTest::newRow("still for a minute: the interval")
                << false << qint64(60000) << qint64(-1) << qint64(5000) << qint64(1000) << qint64(5000);
        QTest::newRow("still a little less: moving")
                << false << qint64(59999) << qint64(-1) << qint64(5000) << qint64(1000) << qint64(1000);
        QTest::newRow("still, but its end is near: just after it")
                << false << qint64(90000) << qint64(2000) << qint64(5000) << qint64(1000) << qint64(2250);
        QTest::newRow("still, end far away: the interval")
                << false << qint64(90000) << qint64(600000) << qint64(30000) << qint64(1000) << qint64(30000);
        QTest::newRow("end already passed: once a second")
                << false << qint64(90000) << qint64(-5000) << qint64(5000) << qint64(1000) << qint64(1000);
        QTest::newRow("the share's floor wins over moving")
                << false << qint64(0) << qint64(-1) << qint64(5000) << qint64(10000) << qint64(10000);
        QTest::newRow("the share's floor wins over the end")
                << false << qint64(90000) << qint64(2000) << qint64(5000) << qint64(10000) << qint64(10000);
        QTest::newRow("a queued task's end is not guessed")
                << true << qint64(0) << qint64(2000) << qint64(5000) << qint64(1000) << qint64(5000);
        QTest::newRow("the interval set to 1 s")
                << true << qint64(0) << qint64(-1) << qint64(1000) << qint64(1000) << qint64(1000);
    }
    void nextDelay()
    {
        QFETCH(bool, queued);
        QFETCH(qint64, movedAgoMs);
        QFETCH(qint64, endInMs);
        QFETCH(qint64, ceilingMs);
        QFETCH(qint64, floorMs);
        QFETCH(qint64, expectedMs);
        Movement movement;
        movement.queued = queued;
        if (movedAgoMs >= 0)
            movement.lastMoved = now.addMSecs(-movedAgoMs);
        if (endInMs != -1)
            movement.expectedEnd = now.addMSecs(endInMs);
        QCOMPARE(PollPace::nextDelay(movement, now, milliseconds(ceilingMs), milliseconds(floorMs)).count(),
                 expectedMs);
    }
};

QTEST_GUILESS_MAIN(TestPollPace)
#include "tst_pollpace.moc"
