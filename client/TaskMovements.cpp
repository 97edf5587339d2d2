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
    seen.movement = {status.state() == TaskState::Queued, track.lastMoved(), track.expectedEnd()};
    if (status.state() == TaskState::Running) {
        seen.stalled = track.isStill(now, m_stallThreshold);
        seen.lastMoved = track.lastMoved();
    }
    return seen;
}
