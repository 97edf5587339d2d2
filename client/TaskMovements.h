#pragma once

#include "PollPace.h"
#include "ProgressTrack.h"
#include "models/RunHistory.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

struct TaskStatus;

// The movement of every queued and running task the engine watches (one ProgressTrack each): what the pace of
// its checks and its stall flag follow; with the run history, whether it is overdue and, where its percentage
// says nothing, when it should end. Pure: the caller passes the answer and "now" on both clocks.
class TaskMovements
{
public:
    struct Seen
    {
        PollPace::Movement movement; // for PollScheduler::recordStatus
        bool stalled = false; // running, and not moved for the threshold
        SteadyTime lastMoved; // valid for running tasks
        bool overdue = false; // running past the 95th percentile of its kind's earlier runs
        std::chrono::milliseconds usual {0}; // the median of those runs; 0 when fewer than 5 are known
    };
    // How long runs of a task's kind usually take (RunHistoryStore::usual); none by default.
    using UsualDurations = std::function<std::optional<UsualDuration>(const TaskStatus &)>;
    // A task seen to finish, with the longest it stood still while it was watched (-1 ms: not seen running).
    using RunRecorder = std::function<void(const TaskStatus &, std::chrono::milliseconds longestStill)>;

    static constexpr std::chrono::minutes DefaultStallThreshold {15};
    void setStallThreshold(std::chrono::seconds threshold) { m_stallThreshold = threshold; }
    std::chrono::seconds stallThreshold() const { return m_stallThreshold; }
    void setUsualDurations(UsualDurations usual) { m_usual = std::move(usual); }
    void setRunRecorder(RunRecorder recorder) { m_recorder = std::move(recorder); }
    // The stall threshold for a task whose kind usually stands still for `usualStill` (UsualDuration): the
    // setting, or twice that where history says such runs stand still longer and still go through, at most
    // four times the setting.
    std::chrono::milliseconds stallThresholdFor(std::chrono::milliseconds usualStill) const;

    // An answer about `id` at `now`; `wallNow` reads the tenant's `modified` onto the monotonic clock. A finished
    // task is forgotten.
    Seen record(const QString &id, const TaskStatus &status, const SteadyTime &now, const QDateTime &wallNow);
    void forget(const QString &id)
    {
        m_tracks.remove(id);
        m_running.remove(id);
    }

private:
    QHash<QString, ProgressTrack> m_tracks;
    QSet<QString> m_running; // seen running: their tracks started then
    std::chrono::seconds m_stallThreshold = DefaultStallThreshold;
    UsualDurations m_usual;
    RunRecorder m_recorder;
};
