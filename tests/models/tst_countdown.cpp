#include "models/Countdown.h"

#include <QTest>

class TestCountdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << qint64(-5) << QStringLiteral("0 s");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 s");
        QTest::newRow("59") << qint64(59) << QStringLiteral("59 s");
        QTest::newRow("a minute") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("61 rounds up") << qint64(61) << QStringLiteral("2 min");
        QTest::newRow("12 min") << qint64(720) << QStringLiteral("12 min");
        QTest::newRow("just under 12 min") << qint64(690) << QStringLiteral("12 min");
        QTest::newRow("59 min") << qint64(3540) << QStringLiteral("59 min");
        QTest::newRow("just under an hour") << qint64(3599) << QStringLiteral("1 h");
        QTest::newRow("an hour") << qint64(3600) << QStringLiteral("1 h");
        QTest::newRow("an hour and a bit") << qint64(3601) << QStringLiteral("1 h 1 min");
        QTest::newRow("90 min") << qint64(5400) << QStringLiteral("1 h 30 min");
        QTest::newRow("a day") << qint64(86400) << QStringLiteral("24 h");
    }
    void text()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(Countdown::text(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestCountdown)
#include "tst_countdown.moc"
