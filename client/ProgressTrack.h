#pragma once

#include "SteadyTime.h"

#include <QString>

#include <chrono>
#include <optional>

// What one running task's answers say about its movement, on the monotonic clock: when it last moved (its
// `progress` text or `percentComplete` changed) and, from the percentage's rate since it was first seen, when
// it should finish. Pure; the engine keeps one per watched task. Polling uses it to look at a task around its
// expected end and less often once it has stood still for a while.
class ProgressTrack
{
public:
    // The answer of a check at `now`. Returns true when the task moved since the previous answer; the first
    // answer counts as a move (from nothing known).
    bool record(std::optional<int> percent, const std::optional<QString> &progress, const SteadyTime &now);

    // The tenant's `modified` as a moment on the monotonic clock: while the task has not moved since the first
    // answer, its last move is that earlier moment (a task found stuck for hours is stalled at once).
    void backdate(const SteadyTime &modified);
    SteadyTime lastMoved() const { return m_lastMoved; } // invalid before the first answer
    // It has not moved for `threshold` (the caller asks only about running tasks).
    bool isStill(const SteadyTime &now, std::chrono::milliseconds threshold) const
    {
        return m_lastMoved.isValid() && m_lastMoved.msecsTo(now) >= threshold.count();
    }
    // When the percentage reaches 100 at the rate seen so far; invalid without two different percentages.
    SteadyTime expectedEnd() const;
    // The longest time it stood still between two moves, or since the last move until `now` (its finish).
    std::chrono::milliseconds longestStill(const SteadyTime &now) const;

private:
    SteadyTime m_firstAt; // the first answer with a percentage
    int m_firstPercent = -1;
    SteadyTime m_percentAt; // when the percentage last changed
    int m_percent = -1;
    std::optional<QString> m_progress;
    SteadyTime m_lastMoved;
    bool m_movedSinceFirst = false;
    qint64 m_longestStillMs = 0;
};
