#include "TaskMovements.h"

#include "models/TaskStatus.h"

TaskMovements::Seen TaskMovements::record(const QString &id, const TaskStatus &status, const SteadyTime &now,
                                          const QDateTime &wallNow)
{
    Seen seen;
    if (isFinished(status.state())) {
        m_tracks.remove(id);
        return seen;
    }
    ProgressTrack &track = m_tracks[id];
    track.record(status.percentComplete, status.progress, now);
    if (status.modified.isValid())
        track.backdate(now.addMSecs(-status.modified.msecsTo(wallNow)));
    SteadyTime expectedEnd = track.expectedEnd();
    if (status.state() == TaskState::Running) {
        seen.stalled = track.isStill(now, m_stallThreshold);
        seen.lastMoved = track.lastMoved();
        const std::optional<UsualDuration> usual = m_usual ? m_usual(status) : std::nullopt;
        if (usual && status.launched.isValid()) {
            const std::chrono::milliseconds elapsed(status.launched.msecsTo(wallNow));
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
