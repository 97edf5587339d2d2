#include "ManualClock.h"
#include "client/RetryAfter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace std::chrono;

// Every kind of Retry-After a tenant, a proxy or an attacker can send gets a defined wait between 1 s and an
// hour (the sanitizer build checks that none of them reaches undefined behaviour on the way).
class TestRetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delay_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expected");
        // delta-seconds
        QTest::newRow("seconds") << QByteArray("7") << 7;
        QTest::newRow("spaces") << QByteArray(" 12 ") << 12;
        QTest::newRow("tab and newline") << QByteArray("\t30\r\n") << 30;
        QTest::newRow("fraction rounds up") << QByteArray("2.1") << 3;
        QTest::newRow("just over a second") << QByteArray("1.001") << 2;
        QTest::newRow("zero is one") << QByteArray("0") << 1;
        QTest::newRow("half a second is one") << QByteArray("0.5") << 1;
        QTest::newRow("negative is one") << QByteArray("-5") << 1;
        QTest::newRow("negative zero is one") << QByteArray("-0") << 1;
        QTest::newRow("plus sign") << QByteArray("+9") << 9;
        QTest::newRow("exponent") << QByteArray("1e2") << 100;
        QTest::newRow("five minutes") << QByteArray("300") << 300;
        QTest::newRow("beyond the old cap") << QByteArray("301") << 301;
        QTest::newRow("twelve minutes") << QByteArray("720") << 720;
        QTest::newRow("just under an hour") << QByteArray("3599.5") << 3600;
        QTest::newRow("an hour") << QByteArray("3600") << 3600;
        QTest::newRow("just over an hour") << QByteArray("3601") << 3600;
        QTest::newRow("a day") << QByteArray("86400") << 3600;
        QTest::newRow("huge") << QByteArray("999999") << 3600;
        QTest::newRow("beyond 32 bits") << QByteArray("99999999999") << 3600;
        QTest::newRow("beyond 64 bits") << QByteArray("99999999999999999999999") << 3600;
        QTest::newRow("int64 max") << QByteArray("9223372036854775807") << 3600;
        QTest::newRow("1e300") << QByteArray("1e300") << 3600;
        QTest::newRow("beyond double") << QByteArray("1e400") << 3600;
        QTest::newRow("beyond double, negative") << QByteArray("-1e400") << 1;
        QTest::newRow("hugely negative") << QByteArray("-1e300") << 1;
        QTest::newRow("tiny") << QByteArray("1e-300") << 1;
        QTest::newRow("beyond double, tiny") << QByteArray("1e-400") << 1;
        QTest::newRow("zero with a huge exponent") << QByteArray("0e99999999999999999999") << 1;
        QTest::newRow("huge exponent") << QByteArray("1e99999999999999999999") << 3600;
        QTest::newRow("huge negative exponent") << QByteArray("5e-99999999999999999999") << 1;
        QTest::newRow("leading zeros") << QByteArray("0000000000000000000000000000000000000000042") << 42;
        QTest::newRow("dot alone") << QByteArray(".") << 10;
        QTest::newRow("sign alone") << QByteArray("-") << 10;
        // Not numbers a tenant should send, but numbers Qt reads: defined all the same.
        QTest::newRow("nan") << QByteArray("nan") << 10;
        QTest::newRow("NaN") << QByteArray("NaN") << 10;
        QTest::newRow("-nan") << QByteArray("-nan") << 10;
        QTest::newRow("inf") << QByteArray("inf") << 3600;
        QTest::newRow("+inf") << QByteArray("+inf") << 3600;
        QTest::newRow("-inf") << QByteArray("-inf") << 1;
        QTest::newRow("infinity") << QByteArray("infinity") << 10;
        // Missing or unreadable: the tenant's window.
        QTest::newRow("absent") << QByteArray() << 10;
        QTest::newRow("blank") << QByteArray("   ") << 10;
        QTest::newRow("garbage") << QByteArray("soon") << 10;
        QTest::newRow("number and text") << QByteArray("12abc") << 10;
        QTest::newRow("two numbers") << QByteArray("1 2") << 10;
        QTest::newRow("hex") << QByteArray("0x10") << 10;
        QTest::newRow("comma decimal") << QByteArray("2,5") << 10;
        QTest::newRow("binary") << QByteArray("\x00\xff\x01", 3) << 10;
        QTest::newRow("very long garbage") << QByteArray(100000, 'z') << 10;
        QTest::newRow("very long number") << QByteArray(100000, '9') << 3600;
        // HTTP dates (IMF-fixdate); the clock reads 2025-06-01 12:00:00 UTC.
        QTest::newRow("http date") << QByteArray("Sun, 01 Jun 2025 12:00:42 GMT") << 42;
        QTest::newRow("http date in 12 min") << QByteArray("Sun, 01 Jun 2025 12:12:00 GMT") << 720;
        QTest::newRow("http date now") << QByteArray("Sun, 01 Jun 2025 12:00:00 GMT") << 1;
        QTest::newRow("http date past") << QByteArray("Sun, 01 Jun 2025 11:00:00 GMT") << 1;
        QTest::newRow("http date far past") << QByteArray("Mon, 01 Jan 1900 00:00:00 GMT") << 1;
        QTest::newRow("http date in two hours") << QByteArray("Sun, 01 Jun 2025 14:00:00 GMT") << 3600;
        QTest::newRow("http date far future") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << 3600;
        QTest::newRow("http date not GMT") << QByteArray("Sun, 01 Jun 2025 12:00:42 UTC") << 10;
        QTest::newRow("http date impossible") << QByteArray("Sun, 31 Feb 2025 12:00:42 GMT") << 10;
        QTest::newRow("http date 25 h") << QByteArray("Sun, 01 Jun 2025 25:00:00 GMT") << 10;
    }
    void delay()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, expected);
        ManualClock clock; // 2025-06-01 12:00:00 UTC
        QCOMPARE(RetryAfter::delay(header, clock.now), seconds(expected));
    }

    void dateWithoutAClockIsTheDefault()
    {
        QCOMPARE(RetryAfter::delay("Sun, 01 Jun 2025 12:00:42 GMT", QDateTime()), RetryAfter::Default);
    }

    void anyBytesGiveAWaitWithinTheBounds()
    {
        // Random headers, biased towards the characters numbers and dates are made of.
        QRandomGenerator random(13);
        const QByteArray alphabet = "0123456789.+-eEinfaINFA :,GMTSunJ\t";
        ManualClock clock;
        for (int i = 0; i < 20000; ++i) {
            QByteArray header;
            const int length = int(random.bounded(1, 40));
            for (int j = 0; j < length; ++j)
                header += random.bounded(4) == 0 ? char(random.bounded(256))
                                                 : alphabet.at(random.bounded(int(alphabet.size())));
            const seconds wait = RetryAfter::delay(header, clock.now);
            QVERIFY2(wait >= RetryAfter::Minimum && wait <= RetryAfter::Maximum, header.toHex().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
