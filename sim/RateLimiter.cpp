#include "RateLimiter.h"

RateLimiter::RateLimiter(int limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(qMax<qint64>(windowMs, 1))
{ }

RateLimiter::Decision RateLimiter::admit(const QString &key, qint64 nowMs)
{
    if (m_limit <= 0)
        return Decision {true, 0, 0};
    std::deque<qint64> &times = m_admitted[key];
    while (!times.empty() && times.front() <= nowMs - m_windowMs)
        times.pop_front();
    if (times.size() < static_cast<size_t>(m_limit)) {
        times.push_back(nowMs);
        return Decision {true, 0, m_limit - static_cast<int>(times.size())};
    }
    // The oldest admitted request leaves the window at front + window; round up to whole seconds.
    const qint64 waitMs = times.front() + m_windowMs - nowMs;
    const int seconds = static_cast<int>((waitMs + 999) / 1000);
    return Decision {false, qMax(1, seconds), 0};
}

void RateLimiter::reset()
{
    m_admitted.clear();
}
