#include "models/ConnectionState.h"

#include <QTest>

namespace {

// A fixed "now" that a test moves on by hand.
struct FixedClock
{
    QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-17T09:00:00Z"), Qt::ISODate);
    void advance(std::chrono::seconds by) { now = now.addSecs(by.count()); }
};

} // namespace

class TestConnectionState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countdownForRateLimit()
    {
        FixedClock clock;
        const ConnectionState state {ConnectionState::Kind::RateLimited, QStringLiteral("Rate limited."),
                                     clock.now.addMSecs(6200)};
        QCOMPARE(state.text(clock.now), QStringLiteral("Rate limited, resuming in 7 s."));
        clock.advance(std::chrono::seconds(10));
        QCOMPARE(state.text(clock.now), QStringLiteral("Rate limited, resuming in 0 s."));
    }
    void longWaitsReadInMinutes()
    {
        // Retry-After may ask for up to an hour: a count of seconds would read badly.
        FixedClock clock;
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
        FixedClock clock;
        const ConnectionState state {ConnectionState::Kind::Offline, QStringLiteral("Cannot reach x: refused."),
                                     clock.now.addSecs(4)};
        QCOMPARE(state.text(clock.now), QStringLiteral("Cannot reach x: refused, retrying in 4 s."));
    }
    void otherKindsShowTheMessage()
    {
        FixedClock clock;
        const ConnectionState state {ConnectionState::Kind::AuthFailed, QStringLiteral("Authentication failed."), {}};
        QCOMPARE(state.text(clock.now), QStringLiteral("Authentication failed."));
        QCOMPARE(connectionStateKindName(ConnectionState::Kind::Misconfigured), QStringLiteral("Misconfigured"));
    }
    void secondsLeftRoundUpAndStopAtZero()
    {
        // The one countdown rule the CLI's sentence and the status bar share.
        const QDateTime now = FixedClock().now;
        const ConnectionState limited {ConnectionState::Kind::RateLimited, {}, now.addSecs(7)};
        QCOMPARE(limited.secondsLeft(now), 7);
        QCOMPARE(limited.secondsLeft(now.addMSecs(6001)), 1); // part of a second left reads as one
        QVERIFY(limited.isCountingDown(now.addMSecs(6999)));
        QCOMPARE(limited.secondsLeft(now.addSecs(7)), 0);
        QVERIFY(!limited.isCountingDown(now.addSecs(7)));
        QCOMPARE(limited.secondsLeft(now.addSecs(60)), 0); // never negative
        const ConnectionState offline {ConnectionState::Kind::Offline, QStringLiteral("x"), now.addSecs(30)};
        QCOMPARE(offline.secondsLeft(now), 30);
        QVERIFY(offline.isCountingDown(now));
        // No wait, no countdown: the other kinds, and a wait of unknown length.
        const ConnectionState auth {ConnectionState::Kind::AuthFailed, QStringLiteral("x"), now.addSecs(30)};
        QCOMPARE(auth.secondsLeft(now), 0);
        QVERIFY(!auth.isCountingDown(now));
        const ConnectionState unknown {ConnectionState::Kind::RateLimited, {}, {}};
        QCOMPARE(unknown.secondsLeft(now), 0);
        QVERIFY(!unknown.isCountingDown(now));
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
