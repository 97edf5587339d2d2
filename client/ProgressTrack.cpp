#include "ProgressTrack.h"

#include <algorithm>

bool ProgressTrack::record(std::optional<int> percent, const std::optional<QString> &progress, const SteadyTime &now)
{
    const bool first = !m_lastMoved.isValid();
    bool moved = first || progress != m_progress;
    m_progress = progress;
    if (percent) {
        if (m_percent < 0) {
            m_firstAt = now;
            m_firstPercent = *percent;
            m_percentAt = now;
        } else if (*percent != m_percent) {
            m_percentAt = now;
            moved = true;
        }
        m_percent = *percent;
    }
    if (moved) {
        if (!first)
            m_longestStillMs = std::max(m_longestStillMs, m_lastMoved.msecsTo(now));
        m_movedSinceFirst = !first;
        m_lastMoved = now;
    }
    return moved;
}

std::chrono::milliseconds ProgressTrack::longestStill(const SteadyTime &now) const
{
    if (!m_lastMoved.isValid())
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max(m_longestStillMs, m_lastMoved.msecsTo(now)));
}

void ProgressTrack::backdate(const SteadyTime &modified)
{
    if (!m_movedSinceFirst && modified.isValid() && m_lastMoved.isValid() && modified < m_lastMoved)
        m_lastMoved = modified;
}

SteadyTime ProgressTrack::expectedEnd() const
{
    if (m_percent <= m_firstPercent || m_firstPercent < 0 || m_percent >= 100)
        return {};
    const qint64 elapsed = m_firstAt.msecsTo(m_percentAt);
    if (elapsed <= 0)
        return {};
    // Percent per millisecond since it was first seen: one slow or quick step does not swing it much.
    const double rate = double(m_percent - m_firstPercent) / double(elapsed);
    return m_percentAt.addMSecs(qint64((100 - m_percent) / rate));
}
