#pragma once

#include "models/TaskTransition.h"
#include "models/WatchedTask.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// One thing seen happening to a task during this watch.
struct HistoryEntry
{
    enum class Event {
        FirstSeen, // the first status we got
        Started, // queued → running
        Progressed, // percentage or progress text moved
        Finished, // reached an outcome (or another outcome)
        Reappeared, // went back to an earlier phase
        FetchFailed,
        FetchRecovered,
        MarkedFinished, // a person set the outcome (PATCH /task-status): `state` is the one set, `actor` who
        MarkUnconfirmed, // asked for as above, but no answer (nor a look after it) confirmed it took
    };

    QDateTime at;
    Event event = Event::FirstSeen;
    DisplayState state = DisplayState::Pending;
    std::optional<int> percentComplete;
    QString progress;
    FetchProblem problem; // for FetchFailed
    QString actor; // for MarkedFinished and MarkUnconfirmed

    // English for the report to SailPoint support, the user's language for the detail view.
    QString eventName(TextLanguage language = TextLanguage::UserLanguage) const;
    // "40 % — Aggregating accounts", the problem with its tracking id, or "marked as Error by alice"
    QString detailText(TextLanguage language = TextLanguage::UserLanguage) const;

    friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
};

// The state and percentage changes seen per task, fed from taskChanged and classified by
// classifyTransition. Kept in memory for this watch only; bounded per task so a long watch cannot grow
// without limit (the oldest progress entries go first; the first sighting is kept).
class HistoryLog
{
public:
    struct TaskHistory
    {
        QList<HistoryEntry> entries;
        std::optional<TaskSnapshot> lastSnapshot;
        FetchProblem lastProblem;
    };

    explicit HistoryLog(qsizetype maxEntriesPerTask = 500);

    // Records what changed since the previous sighting; `at` is when it was seen (the task's checkedAt
    // when valid, else the caller's "now").
    void record(const WatchedTask &task, const QDateTime &at);

    // A person marked the task finished with `state` (Error or Terminated); polling records what follows.
    // Unconfirmed: the PATCH went out, but whether it took is not known.
    void recordMarkedFinished(const QString &id, DisplayState state, const QString &actor, const QDateTime &at,
                              bool confirmed = true);

    QList<HistoryEntry> entries(const QString &id) const;
    // Every SailPoint tracking id of a fetch problem seen for the task, oldest first, without repeats.
    QStringList trackingIds(const QString &id) const;

    // Removal with undo: take the history out and put it back unchanged.
    TaskHistory take(const QString &id);
    void restore(const QString &id, TaskHistory history);
    void forget(const QString &id);

private:
    void append(TaskHistory &history, HistoryEntry entry);

    QHash<QString, TaskHistory> m_tasks;
    qsizetype m_maxEntries;
};
