#include "ManualClock.h"
#include "client/EngineClock.h"

#include <QTest>

using namespace std::chrono;

// Steady times labelled with wall-clock times: the label of a moment is the wall clock's reading at it, one
// offset is kept while the clocks agree, and a stepped wall clock is followed.
class TestWallClockLabels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelsNowAndLaterTimes()
    {
        ManualClock clock;
        WallClockLabels labels(clock.engine());
        QCOMPARE(labels.now(), clock.now);
        QCOMPARE(labels.at(clock.steady.addMSecs(90000)), QDateTime(QDate(2025, 6, 1), QTime(12, 1, 30), Qt::UTC));
        QVERIFY(!labels.at(SteadyTime()).isValid());
    }

    void keepsTheOffsetWhileTheClocksAgree()
    {
        ManualClock clock;
        WallClockLabels labels(clock.engine());
        const SteadyTime moment = clock.steady.addMSecs(5000);
        const QDateTime first = labels.at(moment);
        clock.advance(milliseconds(2000));
        clock.stepWall(milliseconds(400)); // NTP slewing, not a step: the label of the same moment stays
        QCOMPARE(labels.at(moment), first);
    }

    void followsAStepOfTheWallClock()
    {
        ManualClock clock;
        WallClockLabels labels(clock.engine());
        const SteadyTime moment = clock.steady.addMSecs(5000);
        const QDateTime before = labels.at(moment);
        clock.stepWall(hours(-1)); // someone set the system time back an hour
        QCOMPARE(labels.at(moment), before.addSecs(-3600));
    }

    // 10,000 tasks hold three labels each: they are UTC times without a time-zone object behind them (on Qt
    // 6.4 one of QTimeZone::utc() allocates a block per value), and they print as UTC ("Z").
    void labelsAreUtc()
    {
        ManualClock clock;
        WallClockLabels labels(clock.engine());
        const QDateTime label = labels.now();
        QCOMPARE(label.timeSpec(), Qt::UTC);
        QCOMPARE(label.toString(Qt::ISODate), QStringLiteral("2025-06-01T12:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestWallClockLabels)
#include "tst_wallclocklabels.moc"
