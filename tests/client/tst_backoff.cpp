#include "client/Backoff.h"

#include <QTest>

using namespace std::chrono;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void doublesWithinJitterBounds()
    {
        const milliseconds base(1000);
        for (int failures = 1; failures <= 8; ++failures) {
            const qint64 full = std::min<qint64>(1000LL << (failures - 1), 300000);
            QCOMPARE(Backoff::delay(failures, base, 0.0), milliseconds(full / 2));
            const milliseconds high = Backoff::delay(failures, base, 0.999999);
            QVERIFY(high <= milliseconds(full) && high >= milliseconds(full - 1));
        }
    }
    void cappedAtFiveMinutes()
    {
        for (int failures : {9, 10, 20, 100, 100000})
            QVERIFY(Backoff::delay(failures, milliseconds(1000), 0.999999) <= minutes(5));
        QCOMPARE(Backoff::delay(100, milliseconds(1000), 0.0), milliseconds(150000));
    }
    void degenerateInputs()
    {
        QCOMPARE(Backoff::delay(0, milliseconds(1000), 0.0), milliseconds(500)); // treated as the first
        QCOMPARE(Backoff::delay(-3, milliseconds(1000), 0.0), milliseconds(500));
        QVERIFY(Backoff::delay(1, milliseconds(0), 0.5) >= milliseconds(0));
        QCOMPARE(Backoff::delay(1, milliseconds(1000), 7.0), milliseconds(1000)); // jitter clamped
    }
    void customCap() { QCOMPARE(Backoff::delay(10, milliseconds(1000), 0.0, seconds(4)), milliseconds(2000)); }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
