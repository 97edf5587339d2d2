#include "EtaEstimator.h"

#include <cmath>

void EtaEstimator::addSample(const QDateTime &at, int percent)
{
    if (!at.isValid())
        return;
    if (m_lastPercent < 0 || percent < m_lastPercent) {
        // First sight, or the task went backwards: what we learnt about its speed no longer holds.
        reset();
        m_lastPercent = percent;
        m_lastChangeAt = at;
        return;
    }
    if (percent == m_lastPercent)
        return;
    const qint64 elapsedMs = m_lastChangeAt.msecsTo(at);
    if (elapsedMs > 0) {
        const double step = (percent - m_lastPercent) * 1000.0 / double(elapsedMs);
        m_rate = m_rate ? Smoothing * step + (1.0 - Smoothing) * *m_rate : step;
    }
    // A sample not later than the previous one (clock skew) moves the percentage but teaches no speed.
    m_lastPercent = percent;
    m_lastChangeAt = at;
}

void EtaEstimator::reset()
{
    *this = EtaEstimator();
}

std::optional<double> EtaEstimator::percentPerSecond() const
{
    return m_rate;
}

std::optional<qint64> EtaEstimator::secondsRemaining(const QDateTime &now) const
{
    if (m_lastPercent >= 100)
        return 0;
    if (!m_rate || *m_rate <= 0.0)
        return std::nullopt;
    const double fromLastChange = (100 - m_lastPercent) / *m_rate;
    const double sinceLastChange = std::max<qint64>(0, m_lastChangeAt.msecsTo(now)) / 1000.0;
    const double remaining = fromLastChange - sinceLastChange;
    if (remaining < 0.0)
        return std::nullopt;
    return static_cast<qint64>(std::ceil(remaining));
}
