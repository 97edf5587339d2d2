#include "ui/ConnectionLine.h"

#include <QTest>

namespace {

using Kind = ConnectionState::Kind;

ConnectionLine engine(Kind kind, const QString &message = {}, const QDateTime &until = {})
{
    ConnectionLine line;
    line.state = ConnectionState {kind, message, until};
    return line;
}

} // namespace

class TestConnectionLine : public QObject
{
    Q_OBJECT

private:
    const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-17T09:00:00Z"), Qt::ISODate);

private Q_SLOTS:
    void rateLimitCountsDown()
    {
        const ConnectionLine state = engine(Kind::RateLimited, {}, now.addSecs(7));
        QCOMPARE(state.text(now), QStringLiteral("Rate limited, resuming in 7 s"));
        QCOMPARE(state.text(now.addSecs(6)), QStringLiteral("Rate limited, resuming in 1 s"));
        // Part of a second left still reads as one second, never zero while waiting.
        QCOMPARE(state.text(now.addMSecs(6500)), QStringLiteral("Rate limited, resuming in 1 s"));
        QVERIFY(state.isCountingDown(now.addMSecs(6500)));
        QCOMPARE(state.text(now.addSecs(7)), QStringLiteral("Rate limited, resuming shortly"));
        QCOMPARE(state.text(now.addSecs(60)), QStringLiteral("Rate limited, resuming shortly"));
        QVERIFY(!state.isCountingDown(now.addSecs(7)));
        // Longer waits (Retry-After is honoured up to an hour) count down in whole minutes, rounded up.
        QCOMPARE(engine(Kind::RateLimited, {}, now.addSecs(125)).text(now),
                 QStringLiteral("Rate limited, resuming in 3 min"));
        QCOMPARE(engine(Kind::RateLimited, {}, now.addSecs(720)).text(now),
                 QStringLiteral("Rate limited, resuming in 12 min"));
        QCOMPARE(engine(Kind::RateLimited, {}, now.addSecs(3600)).text(now),
                 QStringLiteral("Rate limited, resuming in 1 h"));
    }

    void offlineRetries()
    {
        const ConnectionLine state = engine(Kind::Offline, QStringLiteral("host not found"), now.addSecs(30));
        QCOMPARE(state.text(now), QStringLiteral("Offline, retrying in 30 s: host not found"));
        QCOMPARE(state.text(now.addSecs(31)), QStringLiteral("Offline: host not found"));
        QCOMPARE(state.detail(), QStringLiteral("host not found"));
    }

    void otherStates_data()
    {
        QTest::addColumn<ConnectionLine>("line");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail");
        const QString acme = QStringLiteral("acme");
        ConnectionLine connecting = engine(Kind::Idle);
        connecting.tenant = acme;
        connecting.hasTasks = true;
        ConnectionLine nothingToAsk = connecting;
        nothingToAsk.hasTasks = false;
        ConnectionLine online = engine(Kind::Ok);
        online.tenant = acme;
        ConnectionLine paused = engine(Kind::AuthFailed, QStringLiteral("ignored"));
        paused.paused = true;
        ConnectionLine demoIdle = engine(Kind::Idle);
        demoIdle.demo = true;
        demoIdle.hasTasks = true;
        ConnectionLine demoOk = engine(Kind::Ok);
        demoOk.demo = true;
        ConnectionLine reading = engine(Kind::Idle);
        reading.tenant = acme;
        reading.readingSecret = true;
        reading.paused = true; // the keychain is asked first, paused or not
        const QString keychain = QStringLiteral("reading the client secret from the keychain");

        QTest::newRow("unknown") << ConnectionLine() << QStringLiteral("Not connected") << QString();
        QTest::newRow("connecting") << connecting << QStringLiteral("Connecting…: acme") << acme;
        QTest::newRow("nothing to ask") << nothingToAsk << QStringLiteral("Not connected: acme") << acme;
        QTest::newRow("online") << online << QStringLiteral("Connected: acme") << acme;
        QTest::newRow("auth") << engine(Kind::AuthFailed, QStringLiteral("JWT validation failed"))
                              << QStringLiteral("Sign-in failed: JWT validation failed")
                              << QStringLiteral("JWT validation failed");
        QTest::newRow("misconfigured") << engine(Kind::Misconfigured, QStringLiteral("No client secret."))
                                       << QStringLiteral("Not connected: No client secret.")
                                       << QStringLiteral("No client secret.");
        QTest::newRow("paused") << paused << QStringLiteral("Paused") << QString();
        QTest::newRow("demo") << demoIdle << QStringLiteral("Demo tenant") << QString();
        QTest::newRow("demo answered") << demoOk << QStringLiteral("Demo tenant") << QString();
        QTest::newRow("reading secret") << reading << QStringLiteral("Connecting…: ") + keychain << keychain;
    }

    void otherStates()
    {
        QFETCH(ConnectionLine, line);
        QFETCH(QString, text);
        QFETCH(QString, detail);
        QCOMPARE(line.text(now), text);
        QCOMPARE(line.detail(), detail);
        QVERIFY(!line.isCountingDown(now));
    }

    void aPauseStopsTheCountdown()
    {
        ConnectionLine line = engine(Kind::RateLimited, {}, now.addSecs(7));
        QVERIFY(line.isCountingDown(now));
        line.paused = true;
        QCOMPARE(line.text(now), QStringLiteral("Paused"));
        QVERIFY(!line.isCountingDown(now));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLine)
#include "tst_connectionline.moc"
