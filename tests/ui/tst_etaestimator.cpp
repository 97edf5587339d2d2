#include "ui/EtaEstimator.h"

#include <QTest>

class TestEtaEstimator : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2024-05-17T09:00:00Z"), Qt::ISODate);
    QDateTime at(int seconds) const { return t0.addSecs(seconds); }

private Q_SLOTS:
    void unknownUntilProgressIsSeen()
    {
        EtaEstimator eta;
        QCOMPARE(eta.secondsRemaining(at(0)), std::nullopt);
        eta.addSample(at(0), 10);
        QCOMPARE(eta.secondsRemaining(at(0)), std::nullopt);
        eta.addSample(at(30), 10); // no movement: still no speed
        QCOMPARE(eta.secondsRemaining(at(30)), std::nullopt);
        QCOMPARE(eta.percentPerSecond(), std::nullopt);
    }

    void steadyRateCountsDownWithTheClock()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 10);
        eta.addSample(at(10), 20); // 1 % per second
        QCOMPARE(eta.percentPerSecond(), 1.0);
        QCOMPARE(eta.secondsRemaining(at(10)), 80);
        QCOMPARE(eta.secondsRemaining(at(30)), 60);
    }

    void smoothsASuddenSpeedChange()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 0);
        eta.addSample(at(10), 10); // 1 %/s
        eta.addSample(at(15), 20); // 2 %/s: the average moves by the smoothing weight only
        // By hand, with the weight 0.3 given to the newest rate: 0.3 × 2 + 0.7 × 1 = 1.3 %/s; the 80 % left then
        // take 80 / 1.3 = 61.5 s, shown as 62 (never less than what is left).
        QCOMPARE(EtaEstimator::Smoothing, 0.3);
        QVERIFY(qFuzzyCompare(*eta.percentPerSecond(), 1.3));
        QCOMPARE(eta.secondsRemaining(at(15)), qint64(62));
    }

    void goingBackwardsForgetsTheSpeed()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 10);
        eta.addSample(at(10), 50);
        QVERIFY(eta.secondsRemaining(at(10)).has_value());
        eta.addSample(at(20), 5); // restarted
        QCOMPARE(eta.secondsRemaining(at(20)), std::nullopt);
        eta.addSample(at(30), 15);
        QCOMPARE(eta.secondsRemaining(at(30)), 85);
    }

    void blankOnceTheEstimateHasRunOut()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 50);
        eta.addSample(at(10), 60); // 40 s left at t=10
        QCOMPARE(eta.secondsRemaining(at(49)), 1);
        QCOMPARE(eta.secondsRemaining(at(50)), 0);
        QCOMPARE(eta.secondsRemaining(at(51)), std::nullopt);
    }

    void completeMeansNothingLeft()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 90);
        eta.addSample(at(10), 100);
        QCOMPARE(eta.secondsRemaining(at(500)), 0);
    }

    void samplesOutOfOrderTeachNoSpeed()
    {
        EtaEstimator eta;
        eta.addSample(at(10), 10);
        eta.addSample(at(5), 20); // earlier than the previous sample
        QCOMPARE(eta.percentPerSecond(), std::nullopt);
        eta.addSample(at(15), 30); // 10 % in the 10 s since the last change
        QCOMPARE(eta.percentPerSecond(), 1.0);
        eta.addSample(QDateTime(), 90); // an invalid time is ignored
        QCOMPARE(eta.secondsRemaining(at(15)), 70);
    }

    void resetStartsOver()
    {
        EtaEstimator eta;
        eta.addSample(at(0), 10);
        eta.addSample(at(10), 20);
        eta.reset();
        QCOMPARE(eta.percentPerSecond(), std::nullopt);
        QCOMPARE(eta.secondsRemaining(at(10)), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestEtaEstimator)
#include "tst_etaestimator.moc"
