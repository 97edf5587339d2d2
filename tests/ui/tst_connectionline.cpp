#include "ui/ConnectionStatus.h"

#include <QTest>

class TestConnectionStatus : public QObject
{
    Q_OBJECT

private:
    const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-17T09:00:00Z"), Qt::ISODate);

private Q_SLOTS:
    void rateLimitCountsDown()
    {
        const ConnectionStatus state {ConnectionKind::RateLimited, {}, now.addSecs(7)};
        QCOMPARE(connectionStatusText(state, now), QStringLiteral("Rate limited, resuming in 7 s"));
        QCOMPARE(connectionStatusText(state, now.addSecs(6)), QStringLiteral("Rate limited, resuming in 1 s"));
        // Part of a second left still reads as one second, never zero while waiting.
        QCOMPARE(connectionStatusText(state, now.addMSecs(6500)), QStringLiteral("Rate limited, resuming in 1 s"));
        QVERIFY(connectionStatusCountsDown(state, now.addMSecs(6500)));
        QCOMPARE(connectionStatusText(state, now.addSecs(7)), QStringLiteral("Rate limited, resuming shortly"));
        QCOMPARE(connectionStatusText(state, now.addSecs(60)), QStringLiteral("Rate limited, resuming shortly"));
        QVERIFY(!connectionStatusCountsDown(state, now.addSecs(7)));
        // Longer waits (Retry-After is honoured up to an hour) count down in whole minutes, rounded up.
        QCOMPARE(connectionStatusText({ConnectionKind::RateLimited, {}, now.addSecs(125)}, now),
                 QStringLiteral("Rate limited, resuming in 3 min"));
        QCOMPARE(connectionStatusText({ConnectionKind::RateLimited, {}, now.addSecs(720)}, now),
                 QStringLiteral("Rate limited, resuming in 12 min"));
        QCOMPARE(connectionStatusText({ConnectionKind::RateLimited, {}, now.addSecs(3600)}, now),
                 QStringLiteral("Rate limited, resuming in 1 h"));
    }

    void offlineRetries()
    {
        const ConnectionStatus state {ConnectionKind::Offline, QStringLiteral("host not found"), now.addSecs(30)};
        QCOMPARE(connectionStatusText(state, now), QStringLiteral("Offline, retrying in 30 s: host not found"));
        QCOMPARE(connectionStatusText(state, now.addSecs(31)), QStringLiteral("Offline: host not found"));
    }

    void otherStates_data()
    {
        QTest::addColumn<ConnectionKind>("kind");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << ConnectionKind::Unknown << QString() << QStringLiteral("Not connected");
        QTest::newRow("connecting") << ConnectionKind::Connecting << QStringLiteral("acme")
                                    << QStringLiteral("Connecting…: acme");
        QTest::newRow("online") << ConnectionKind::Online << QStringLiteral("acme")
                                << QStringLiteral("Connected: acme");
        QTest::newRow("auth") << ConnectionKind::AuthFailed << QStringLiteral("JWT validation failed")
                              << QStringLiteral("Sign-in failed: JWT validation failed");
        QTest::newRow("paused") << ConnectionKind::Paused << QStringLiteral("ignored") << QStringLiteral("Paused");
        QTest::newRow("demo") << ConnectionKind::Demo << QString() << QStringLiteral("Demo tenant");
    }

    void otherStates()
    {
        QFETCH(ConnectionKind, kind);
        QFETCH(QString, detail);
        QFETCH(QString, text);
        const ConnectionStatus state {kind, detail, now.addSecs(10)};
        QCOMPARE(connectionStatusText(state, now), text);
        QVERIFY(!connectionStatusCountsDown(state, now));
    }
};

QTEST_GUILESS_MAIN(TestConnectionStatus)
#include "tst_connectionstatus.moc"
