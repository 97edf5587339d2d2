#include "ManualClock.h"
#include "client/TokenLifetime.h"

#include <QTest>

using namespace std::chrono;

class TestTokenLifetime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void effective_data()
    {
        QTest::addColumn<QJsonValue>("expiresIn");
        QTest::addColumn<int>("expected");
        QTest::newRow("typical") << QJsonValue(749) << 749;
        QTest::newRow("string") << QJsonValue(QStringLiteral("600")) << 600;
        QTest::newRow("zero") << QJsonValue(0) << 300;
        QTest::newRow("negative") << QJsonValue(-10) << 300;
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << 300;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << 300;
        QTest::newRow("text") << QJsonValue(QStringLiteral("soon")) << 300;
        QTest::newRow("one second") << QJsonValue(1) << 10;
        QTest::newRow("huge") << QJsonValue(1e300) << 86400;
        QTest::newRow("a year") << QJsonValue(31536000) << 86400;
    }
    void effective()
    {
        QFETCH(QJsonValue, expiresIn);
        QFETCH(int, expected);
        QCOMPARE(TokenLifetime::effective(expiresIn), seconds(expected));
    }

    void renewsBeforeExpiry()
    {
        ManualClock clock;
        QCOMPARE(clock.steady.secsTo(TokenLifetime::renewAt(clock.steady, seconds(749))), 689); // a minute early
        QCOMPARE(clock.steady.secsTo(TokenLifetime::renewAt(clock.steady, seconds(12))), 9); // a quarter early
    }

    void noAbsurdValueLeadsToATokenPerCall()
    {
        // Whatever the tenant claims, a token is used for at least several seconds.
        ManualClock clock;
        for (const QJsonValue &claim :
             {QJsonValue(0), QJsonValue(-1), QJsonValue(1), QJsonValue(1e308), QJsonValue()}) {
            const SteadyTime renew = TokenLifetime::renewAt(clock.steady, TokenLifetime::effective(claim));
            QVERIFY(clock.steady.secsTo(renew) >= 7);
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenLifetime)
#include "tst_tokenlifetime.moc"
