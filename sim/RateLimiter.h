#pragma once

#include <QHash>
#include <QString>

#include <deque>

// SailPoint's documented limit: N requests per window per client id and API version (100 per 10 s).
// A sliding window: a request is admitted when fewer than N admitted requests fall in the last window.
// Rejected requests do not use the budget, so waiting Retry-After seconds is always enough.
// Time is passed in (milliseconds of any monotonic clock), which keeps it a pure value for tests.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: whole seconds until a request would be admitted (≥ 1)
        int remaining = 0; // admitted requests left in the current window after this one
    };

    RateLimiter(int limit, qint64 windowMs); // limit ≤ 0: unlimited

    Decision admit(const QString &key, qint64 nowMs);
    void reset();

    int limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }

private:
    int m_limit;
    qint64 m_windowMs;
    QHash<QString, std::deque<qint64>> m_admitted; // per key, at most m_limit times, oldest first
};
