#include "TaskMovements.h"

#include "models/TaskStatus.h"

#include <algorithm>

using namespace std::chrono;

TaskMovements::Seen TaskMovements::record(const QString &id, const TaskStatus &status, const SteadyTime &now,
                                          const QDateTime &wallNow)
{
    Seen seen;
    if (isFinished(status.state())) {
        const auto track = m_tracks.constFind(id);
        if (m_recorder)
            m_recorder(status, track == m_tracks.cend() ? milliseconds(-1) : track->longestStill(now));
        m_tracks.remove(id);
        m_running.remove(id);
        return seen;
    }
    ProgressTrack &track = m_tracks[id];
    if (status.state() == TaskState::Running && !m_running.contains(id)) {
        m_running.insert(id);
        track = ProgressTrack(); // how long it stands still counts from its first sighting running, not queued
    }
    track.record(status.percentComplete, status.progress, now);
    if (status.modified.isValid())
        track.backdate(now.addMSecs(-status.modified.msecsTo(wallNow)));
    SteadyTime expectedEnd = track.expectedEnd();
    if (status.state() == TaskState::Running) {
        const std::optional<UsualDuration> usual = m_usual ? m_usual(status) : std::nullopt;
        seen.stalled = track.isStill(now, stallThresholdFor(usual ? usual->usualStill : milliseconds(-1)));
        seen.lastMoved = track.lastMoved();
        if (usual && status.launched.isValid()) {
            const milliseconds elapsed(status.launched.msecsTo(wallNow));
            seen.overdue = isOverdue(elapsed, usual);
            seen.usual = usual->median;
            // No percentage, or one that has not moved: the usual run says when to look.
            if (!expectedEnd.isValid() && elapsed < usual->median)
                expectedEnd = now.addMSecs((usual->median - elapsed).count());
        }
    }
    seen.movement = {status.state() == TaskState::Queued, track.lastMoved(), expectedEnd};
    return seen;
}

milliseconds TaskMovements::stallThresholdFor(milliseconds usualStill) const
{
    // At most four times the setting: a few runs that stood still for hours must not make stalls invisible.
    return std::clamp<milliseconds>(2 * usualStill, m_stallThreshold, 4 * m_stallThreshold);
}
