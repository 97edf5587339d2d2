#include "ManualClock.h"
#include "client/ConnectionState.h"

#include <QTest>

class TestConnectionState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countdownForRateLimit()
    {
        ManualClock clock;
        const ConnectionState state {ConnectionState::Kind::RateLimited, QStringLiteral("Rate limited."),
                                     clock.now.addMSecs(6200)};
        QCOMPARE(state.text(clock.now), QStringLiteral("Rate limited, resuming in 7 s."));
        clock.advance(std::chrono::seconds(10));
        QCOMPARE(state.text(clock.now), QStringLiteral("Rate limited, resuming in 0 s."));
    }
    void longWaitsReadInMinutes()
    {
        // Retry-After may ask for up to an hour: a count of seconds would read badly.
        ManualClock clock;
        const ConnectionState state {ConnectionState::Kind::RateLimited, QStringLiteral("Rate limited by the tenant."),
                                     clock.now.addSecs(720)};
        QCOMPARE(state.text(clock.now), QStringLiteral("Rate limited by the tenant, resuming in 12 min."));
        QCOMPARE(state.text(clock.now.addSecs(30)), QStringLiteral("Rate limited by the tenant, resuming in 12 min."));
        QCOMPARE(state.text(clock.now.addSecs(661)), QStringLiteral("Rate limited by the tenant, resuming in 59 s."));
        const ConnectionState hour {ConnectionState::Kind::RateLimited, {}, clock.now.addSecs(3600)};
        QCOMPARE(hour.text(clock.now), QStringLiteral("Rate limited, resuming in 1 h."));
    }
    void countdownForOffline()
    {
        ManualClock clock;
        const ConnectionState state {ConnectionState::Kind::Offline, QStringLiteral("Cannot reach x: refused."),
                                     clock.now.addSecs(4)};
        QCOMPARE(state.text(clock.now), QStringLiteral("Cannot reach x: refused, retrying in 4 s."));
    }
    void otherKindsShowTheMessage()
    {
        ManualClock clock;
        const ConnectionState state {ConnectionState::Kind::AuthFailed, QStringLiteral("Authentication failed."), {}};
        QCOMPARE(state.text(clock.now), QStringLiteral("Authentication failed."));
        QCOMPARE(connectionStateKindName(ConnectionState::Kind::Misconfigured), QStringLiteral("Misconfigured"));
    }
    void equality()
    {
        const ConnectionState a {ConnectionState::Kind::Ok, {}, {}};
        ConnectionState b = a;
        QVERIFY(a == b);
        b.message = QStringLiteral("x");
        QVERIFY(!(a == b));
    }
};

QTEST_GUILESS_MAIN(TestConnectionState)
#include "tst_connectionstate.moc"
