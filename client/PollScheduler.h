#pragma once

#include "PollPace.h"
#include "SteadyTime.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

// Decides when each watched task is checked next. Pure: no timers, no network; the caller passes "now" on the
// monotonic clock (a wall clock set back an hour would stall every task for that hour) and a source of
// randomness (for jitter), so every decision is unit-testable.
//
// - queued and running tasks: at the pace PollPace decides (about once a second while a task moves, at most
//   the poll interval otherwise, never faster than the share of the rate limit pays for); or, in the fixed
//   mode kept for comparisons, every poll interval;
// - finished tasks: never again on a timer (only a "refresh now" or re-adding checks them);
// - a not-found task or a failed fetch: exponential backoff with jitter, capped at 5 minutes;
// - a connection-level failure holds every task of the profile, with its own backoff;
// - a paused task has no next check; a task being fetched is not handed out twice.
class PollScheduler
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    static constexpr std::chrono::seconds DefaultInterval {5};
    static constexpr std::chrono::seconds MinInterval {1};
    static constexpr std::chrono::seconds MaxInterval {300};
    static constexpr std::chrono::milliseconds ConnectionBackoffBase {2000};

    explicit PollScheduler(Random random = {});

    // Clamped to MinInterval..MaxInterval. A shorter interval brings later checks forward to now+interval;
    // returns the ids whose next check moved.
    QStringList setInterval(std::chrono::seconds interval, const SteadyTime &now);
    std::chrono::seconds interval() const { return m_interval; }
    enum class Pace { Adaptive, Fixed };
    void setPace(Pace pace) { m_pace = pace; }
    Pace pace() const { return m_pace; }
    // The shortest period the share pays for (PollPace::roundFloor); the caller updates it once per round.
    void setRoundFloor(std::chrono::milliseconds floor) { m_floor = floor; }
    std::chrono::milliseconds roundFloor() const { return m_floor; }
    qsizetype timedCount() const; // tasks with a timed check (not finished), paused ones excluded

    // A new task is due at once, unless it is known finished (then it waits for a "refresh now").
    void add(const QString &id, bool finished, const SteadyTime &now);
    void remove(const QString &id);
    bool contains(const QString &id) const { return m_entries.contains(id); }

    // Resuming a task whose check was due while paused makes it due now.
    void setPaused(const QString &id, bool paused, const SteadyTime &now);
    bool isPaused(const QString &id) const;

    // The ids due now, plus those due within a short horizon so that they share a list call; earliest
    // first. They count as in flight until an outcome is recorded. Nothing while the profile is held.
    QStringList takeDue(const SteadyTime &now);
    // Ids fetched outside the timetable ("refresh now"), paused or finished ones included.
    void markInFlight(const QStringList &ids);
    bool isInFlight(const QString &id) const;

    // Outcomes; each returns the task's next timed check (invalid when there is none).
    SteadyTime recordStatus(const QString &id, bool finished, const SteadyTime &now,
                            const PollPace::Movement &movement = {});
    SteadyTime recordNotFound(const QString &id, const SteadyTime &now);
    SteadyTime recordFailure(const QString &id, const SteadyTime &now);
    // The fetch did not happen or its answer says nothing about the task (connection down, request
    // cancelled): back in line at `dueAt`, no failure counted.
    SteadyTime requeue(const QString &id, const SteadyTime &dueAt);

    // Connection-level failures (no HTTP answer) hold the whole profile. While a hold is running, further
    // failures of requests sent before it do not lengthen it. Returns the end of the hold.
    SteadyTime recordConnectionFailure(const SteadyTime &now);
    void recordConnectionSuccess();
    SteadyTime heldUntil() const { return m_heldUntil; }
    int connectionFailures() const { return m_connectionFailures; }

    SteadyTime nextCheck(const QString &id) const; // invalid: none planned (finished or paused); holds included
    SteadyTime nextWakeUp() const; // when takeDue may next return something; invalid: never
    int failures(const QString &id) const; // consecutive not-found or failed checks

private:
    struct Entry
    {
        SteadyTime due; // invalid: no timed check (finished)
        int failures = 0;
        bool paused = false;
        bool inFlight = false;
        qint64 order = 0; // tie-break: the order tasks were added
    };

    std::chrono::milliseconds horizon() const;
    SteadyTime backoff(Entry &entry, const SteadyTime &now);

    Random m_random;
    std::chrono::seconds m_interval = DefaultInterval;
    Pace m_pace = Pace::Adaptive;
    std::chrono::milliseconds m_floor = PollPace::Fastest;
    QHash<QString, Entry> m_entries;
    qint64 m_nextOrder = 0;
    SteadyTime m_heldUntil;
    int m_connectionFailures = 0;
};
