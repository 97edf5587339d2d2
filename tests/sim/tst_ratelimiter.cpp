#include "sim/RateLimiter.h"

#include <QTest>

// The clock is the `now` argument: every time below is chosen by the test.
class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admitsUpToTheLimitThenRefuses()
    {
        RateLimiter limiter(100, 10000);
        for (int i = 0; i < 100; ++i) {
            const RateLimiter::Decision decision = limiter.admit(QStringLiteral("demo|v2025"), 1000 + i);
            QVERIFY(decision.allowed);
            QCOMPARE(decision.remaining, 99 - i);
        }
        const RateLimiter::Decision refused = limiter.admit(QStringLiteral("demo|v2025"), 1100);
        QVERIFY(!refused.allowed);
        // The first request (t=1000) leaves the window at 11000: 9.9 s → 10 s.
        QCOMPARE(refused.retryAfterSeconds, 10);
    }

    void retryAfterIsEnough()
    {
        RateLimiter limiter(3, 10000);
        for (qint64 t : {0, 4000, 4500})
            QVERIFY(limiter.admit(QStringLiteral("k"), t).allowed);
        const RateLimiter::Decision refused = limiter.admit(QStringLiteral("k"), 6200);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 4); // 3.8 s rounded up
        QVERIFY(!limiter.admit(QStringLiteral("k"), 9999).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 6200 + refused.retryAfterSeconds * 1000).allowed);
    }

    void refusalsDoNotUseTheBudget()
    {
        RateLimiter limiter(2, 1000);
        QVERIFY(limiter.admit(QStringLiteral("k"), 0).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 100).allowed);
        for (qint64 t = 200; t < 1000; t += 50)
            QVERIFY(!limiter.admit(QStringLiteral("k"), t).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 1000).allowed); // the t=0 request left the window
        QVERIFY(!limiter.admit(QStringLiteral("k"), 1050).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 1100).allowed);
    }

    void retryAfterIsAtLeastOneSecond()
    {
        RateLimiter limiter(1, 10000);
        QVERIFY(limiter.admit(QStringLiteral("k"), 0).allowed);
        const RateLimiter::Decision refused = limiter.admit(QStringLiteral("k"), 9999);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
    }

    void keysHaveSeparateBudgets()
    {
        RateLimiter limiter(1, 10000);
        QVERIFY(limiter.admit(QStringLiteral("demo|v2025"), 0).allowed);
        QVERIFY(!limiter.admit(QStringLiteral("demo|v2025"), 1).allowed);
        QVERIFY(limiter.admit(QStringLiteral("demo|v2026"), 2).allowed);
        QVERIFY(limiter.admit(QStringLiteral("other|v2025"), 3).allowed);
    }

    void slidingNotFixedWindow()
    {
        // A burst at the end of one window and the start of the next is still limited.
        RateLimiter limiter(2, 10000);
        QVERIFY(limiter.admit(QStringLiteral("k"), 9000).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 9500).allowed);
        QVERIFY(!limiter.admit(QStringLiteral("k"), 10500).allowed);
        QVERIFY(limiter.admit(QStringLiteral("k"), 19000).allowed);
    }

    void zeroLimitIsUnlimited()
    {
        RateLimiter limiter(0, 10000);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.admit(QStringLiteral("k"), 0).allowed);
    }

    void resetForgets()
    {
        RateLimiter limiter(1, 10000);
        QVERIFY(limiter.admit(QStringLiteral("k"), 0).allowed);
        QVERIFY(!limiter.admit(QStringLiteral("k"), 1).allowed);
        limiter.reset();
        QVERIFY(limiter.admit(QStringLiteral("k"), 2).allowed);
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
