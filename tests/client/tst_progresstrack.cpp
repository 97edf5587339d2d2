#include "client/ProgressTrack.h"

#include <QTest>

// When a task last moved and when it should finish, from its successive answers.
class TestProgressTrack : public QObject
{
    Q_OBJECT
private:
    static SteadyTime at(qint64 seconds) { return SteadyTime::fromMSecs(1'000'000 + seconds * 1000); }

private Q_SLOTS:
    void theFirstAnswerIsAMove()
    {
        ProgressTrack track;
        QVERIFY(!track.lastMoved().isValid());
        QVERIFY(track.record(std::nullopt, std::nullopt, at(0)));
        QCOMPARE(track.lastMoved(), at(0));
        QVERIFY(!track.expectedEnd().isValid());
    }

    void theLongestStillPeriodCountsToTheEnd()
    {
        ProgressTrack track;
        QCOMPARE(track.longestStill(at(0)), std::chrono::milliseconds(0)); // nothing seen
        track.record(10, std::nullopt, at(0));
        track.record(10, std::nullopt, at(100)); // still
        track.record(20, std::nullopt, at(300)); // moved after 300 s
        track.record(30, std::nullopt, at(310));
        QCOMPARE(track.longestStill(at(320)), std::chrono::milliseconds(300'000));
        QCOMPARE(track.longestStill(at(1000)), std::chrono::milliseconds(690'000)); // since 310 s, to its end
    }

    void sameAnswersDoNotMove()
    {
        ProgressTrack track;
        track.record(40, QStringLiteral("Aggregating"), at(0));
        QVERIFY(!track.record(40, QStringLiteral("Aggregating"), at(30)));
        QVERIFY(!track.record(40, QStringLiteral("Aggregating"), at(600)));
        QCOMPARE(track.lastMoved(), at(0));
    }

    void percentOrProgressTextMoves()
    {
        ProgressTrack track;
        track.record(40, QStringLiteral("Aggregating"), at(0));
        QVERIFY(track.record(41, QStringLiteral("Aggregating"), at(10)));
        QCOMPARE(track.lastMoved(), at(10));
        QVERIFY(track.record(41, QStringLiteral("Correlating"), at(20)));
        QCOMPARE(track.lastMoved(), at(20));
        QVERIFY(track.record(41, std::nullopt, at(30))); // the text went away: a change as well
        QCOMPARE(track.lastMoved(), at(30));
        QVERIFY(!track.record(std::nullopt, std::nullopt, at(40))); // a missing percentage is not a move
    }

    void expectedEndFromTheRateSinceFirstSeen()
    {
        ProgressTrack track;
        track.record(10, std::nullopt, at(0));
        QVERIFY(!track.expectedEnd().isValid()); // one reading says nothing about a rate
        track.record(20, std::nullopt, at(10)); // 1 % a second
        QCOMPARE(track.expectedEnd(), at(90));
        track.record(20, std::nullopt, at(15)); // standing still does not move the estimate
        QCOMPARE(track.expectedEnd(), at(90));
        track.record(60, std::nullopt, at(30)); // 50 % in 30 s: 40 % left take 24 s
        QCOMPARE(track.expectedEnd(), at(54));
    }

    void stillAfterTheThreshold()
    {
        using std::chrono::seconds;
        ProgressTrack track;
        QVERIFY(!track.isStill(at(0), seconds(60))); // nothing known
        track.record(40, std::nullopt, at(0));
        QVERIFY(!track.isStill(at(59), seconds(60)));
        QVERIFY(track.isStill(at(60), seconds(60)));
        track.record(41, std::nullopt, at(61));
        QVERIFY(!track.isStill(at(61), seconds(60)));
    }

    // The tenant's `modified` dates the last move back while nothing has moved since the first answer.
    void modifiedDatesTheLastMoveBack()
    {
        ProgressTrack track;
        track.record(40, QStringLiteral("Aggregating"), at(0));
        track.backdate(at(-3 * 3600));
        QCOMPARE(track.lastMoved(), at(-3 * 3600));
        track.backdate(at(10)); // later than what is known: ignored
        QCOMPARE(track.lastMoved(), at(-3 * 3600));
        track.record(41, QStringLiteral("Aggregating"), at(20));
        track.backdate(at(-100)); // it moved while watched: what was seen wins
        QCOMPARE(track.lastMoved(), at(20));
        ProgressTrack unknown;
        unknown.backdate(at(-100)); // before any answer: nothing to date back
        QVERIFY(!unknown.lastMoved().isValid());
    }

    void noEndWithoutForwardProgress()
    {
        ProgressTrack track;
        track.record(50, std::nullopt, at(0));
        track.record(40, std::nullopt, at(10)); // went back (a restarted phase)
        QVERIFY(!track.expectedEnd().isValid());
        ProgressTrack done;
        done.record(10, std::nullopt, at(0));
        done.record(100, std::nullopt, at(10));
        QVERIFY(!done.expectedEnd().isValid()); // at 100 % the end is the next answer's business
    }
};

QTEST_GUILESS_MAIN(TestProgressTrack)
#include "tst_progresstrack.moc"
