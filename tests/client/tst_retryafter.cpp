#include "ManualClock.h"
#include "RetryAfter.h"

#include <QTest>

using namespace std::chrono;

class TestRetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delay_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expected");
        QTest::newRow("seconds") << QByteArray("7") << 7;
        QTest::newRow("spaces") << QByteArray(" 12 ") << 12;
        QTest::newRow("fraction rounds up") << QByteArray("2.1") << 3;
        QTest::newRow("zero is one") << QByteArray("0") << 1;
        QTest::newRow("negative is one") << QByteArray("-5") << 1;
        QTest::newRow("huge is capped") << QByteArray("999999") << 300;
        QTest::newRow("absent") << QByteArray() << 10;
        QTest::newRow("garbage") << QByteArray("soon") << 10;
        QTest::newRow("http date") << QByteArray("Sun, 01 Jun 2025 12:00:42 GMT") << 42;
        QTest::newRow("http date past") << QByteArray("Sun, 01 Jun 2025 11:00:00 GMT") << 1;
    }
    void delay()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, expected);
        ManualClock clock; // 2025-06-01 12:00:00 UTC
        QCOMPARE(RetryAfter::delay(header, clock.now), seconds(expected));
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
