#pragma once

#include "Batching.h"
#include "EngineClock.h"
#include "PollScheduler.h"
#include "PollStops.h"
#include "TaskMovements.h"
#include "models/ConnectionProfile.h"
#include "models/ConnectionState.h"
#include "models/TaskClearing.h"
#include "models/TaskStatus.h"
#include "models/WatchedTask.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

struct FetchOutcome;
class QueueDepth;
class TaskClearer;
class TaskStatusClient;
class WatchList;

// The engine of one connection profile: keeps its watched tasks fresh while respecting the tenant.
// Due tasks are refreshed with batched list calls (single GETs where the list cannot answer), on the
// PollScheduler's timetable; every change of a task reaches listeners once, through taskChanged.
// Used by the desktop app (one per profile) and by taskwatch-cli.
class TaskMonitor : public QObject
{
    Q_OBJECT
public:
    explicit TaskMonitor(const ConnectionProfile &profile, QObject *parent = nullptr);
    // For tests: the clocks (the timers still run in real time). Every time-based decision runs on the
    // monotonic part; the wall part only labels times (checked at, next check, resuming at).
    TaskMonitor(const ConnectionProfile &profile, EngineClock clock, QObject *parent = nullptr);
    ~TaskMonitor() override;

    const ConnectionProfile &profile() const { return m_profile; }
    void setSecret(const QString &secret); // memory only; lifts an authentication failure
    void setWatchList(WatchList *list); // persistence; may be null (the CLI)

    QList<WatchedTask> tasks() const; // in the order they were added
    std::optional<WatchedTask> task(const QString &id) const
    {
        const auto it = m_tasks.constFind(id);
        return it == m_tasks.cend() ? std::nullopt : std::optional<WatchedTask>(*it);
    }
    // Ids are validated with TaskId; invalid ones are ignored. Re-adding a watched id refreshes it.
    void addTasks(const QStringList &ids, const QString &label = {});
    void removeTasks(const QStringList &ids);
    void refreshNow(const QStringList &ids = {}); // empty = all; finished and paused ones too
    void setPaused(bool paused);
    bool isPaused() const { return m_stops.has(PollStops::Reason::Paused); }
    PollStops pollStops() const { return m_stops; }
    void setTaskPaused(const QString &id, bool paused);
    void setPollInterval(std::chrono::seconds interval); // 1..300 s, default 5
    std::chrono::seconds pollInterval() const { return m_scheduler.interval(); }
    // Whether a timed check is armed; false: nothing is sent until something changes (a task added, a resume,
    // "refresh now"). Finished tasks alone leave it unarmed.
    bool checkScheduled() const
    {
        if (!m_reschedulePending)
            return m_pollTimer.isActive();
        // Answers are being applied: the timer is set once after them (schedulePollLater), so ask what it will be.
        return (m_pollTimer.isActive() && m_pollTimer.interval() == 0)
                || (m_stops.allows(PollStops::Demand::Timed) && m_scheduler.nextWakeUp().isValid());
    }
    // Recent tasks on the tenant, newest first: discovered(tasks) or discoverFailed(message).
    void discover(bool runningOnly, int limit);
    ConnectionState connectionState() const { return m_state; }
    // Marks a stuck task as finished with `mark` (TaskClearer: a fresh GET, then PATCH /task-status/{id}, never
    // sent again after a timeout); ends with taskCleared(result). A watched task shows the answer at once,
    // before taskCleared is emitted. Works while polling is paused too: the user asked for it.
    void clearTask(const QString &id, TaskClearing::Mark mark);
    // The tenant's queue depth for the status bar: off until queueDepth()->setEnabled(true); its signals
    // depthRead(count, at) and depthFailed(message).
    QueueDepth *queueDepth() const { return m_queueDepth; }
    TaskClearer *clearer() const { return m_clearer; }

    // Batched (default) or one GET per task, as SDK loops do: for comparisons and benchmarks.
    void setFetchMode(Batching::FetchMode mode) { m_fetchMode = mode; }
    Batching::FetchMode fetchMode() const { return m_fetchMode; }
    // The tenant's allowance for this client id and API version; default 100 requests per 10 s.
    void setRequestBudget(int requests, std::chrono::seconds window);
    // The part of that allowance every request of this engine stays inside (token, discovery and PATCH
    // included), in percent 1..100. The engine's own default is the whole allowance (tests and benchmarks set
    // their own); both programs start at DefaultBudgetShare, as other automation often shares the client id.
    static constexpr int DefaultBudgetShare = 50;
    void setBudgetShare(int percent);
    int budgetShare() const;
    // A running task that has not moved for this long is stalled (WatchedTask::stalled); default 15 minutes. A
    // kind whose runs usually stand still longer and still go through gets twice that (RunHistory).
    static constexpr std::chrono::minutes DefaultStallThreshold = TaskMovements::DefaultStallThreshold;
    void setStallThreshold(std::chrono::seconds threshold)
    {
        m_movements.setStallThreshold(std::max(std::chrono::seconds(1), threshold));
    }
    std::chrono::seconds stallThreshold() const { return m_movements.stallThreshold(); }
    // How long runs of a task's kind usually take (RunHistoryStore): running tasks past the 95th percentile are
    // overdue (WatchedTask::overdue), and tasks without a moving percentage are looked at around their usual end.
    void setUsualDurations(TaskMovements::UsualDurations usual) { m_movements.setUsualDurations(std::move(usual)); }
    // Told of every task seen to finish, with how long it stood still at most (RunHistoryStore keeps the runs).
    void setRunRecorder(TaskMovements::RunRecorder recorder) { m_movements.setRunRecorder(std::move(recorder)); }
    // Adaptive (default: PollPace) or every poll interval (the fixed rhythm, for comparisons).
    void setPollPace(PollScheduler::Pace pace) { m_scheduler.setPace(pace); }
    TaskStatusClient *client() const { return m_client; }

Q_SIGNALS:
    void taskAdded(const WatchedTask &task);
    void taskChanged(const WatchedTask &task);
    void taskRemoved(const QString &id);
    void connectionStateChanged(const ConnectionState &state);
    void refreshed(const QDateTime &at); // a round of checks has been answered
    void discovered(const QList<TaskStatus> &tasks);
    void discoverFailed(const QString &message); // translated, for people
    void taskCleared(const ClearResult &result); // one per clearTask, from the event loop

private:
    // Now on the tenant's clock (ApiTransport::tenantClockOffset): its times (modified, launched) are compared
    // with it, so that a computer clock that is minutes off neither flags running tasks stalled nor hides it.
    // Unlike ApiTransport::tenantNow it starts from this monitor's wall-clock labels, so that it agrees with the
    // times the tasks show (last moved, next check), which keep one offset while the clocks agree.
    QDateTime tenantNow();
    // The one way the stop reasons change: the tasks' next checks, the poll timer and the connection state
    // follow.
    void setStops(const PollStops &stops);
    // The connection state says why requests cannot go out (a missing secret is told once there is something
    // to poll, not at construction: the CLI reads the keychain after checking the profile).
    void explainStop();
    void forget(const QStringList &ids); // stops watching them, without touching the watch list
    void schedulePoll();
    void schedulePollLater(); // once after the answers being applied now, not once per answer
    void pollSoon();
    void pollDue();
    void fetch(const QStringList &ids);

    void applyStatus(const QString &id, const TaskStatus &status);
    void applyNotFound(const QString &id, const FetchOutcome &outcome);
    void applyFailure(const QStringList &ids, const FetchOutcome &outcome);
    void noteAnswer();

    void adopt(WatchedTask task, bool finished);
    template<typename Change>
    void update(const QString &id, Change change);
    void refreshNextChecks();
    void setState(ConnectionState state);
    void updateRoundFloor();

    ConnectionProfile m_profile;
    EngineClock m_clock;
    WallClockLabels m_labels;
    TaskStatusClient *m_client;
    TaskClearer *m_clearer;
    QueueDepth *m_queueDepth;
    PollScheduler m_scheduler;
    QHash<QString, WatchedTask> m_tasks;
    TaskMovements m_movements; // running and queued tasks' movement: the pace of checks, stalls
    QStringList m_order;
    QTimer m_pollTimer;
    ConnectionState m_state;
    QPointer<WatchList> m_watchList;
    Batching::FetchMode m_fetchMode = Batching::FetchMode::Batched;
    bool m_reschedulePending = false; // schedulePollLater has queued a schedulePoll
    PollStops m_stops; // changed only by setStops
    qsizetype m_idsPerList = Batching::MaxIdsPerList; // what one list call holds at this tenant's URL
};
