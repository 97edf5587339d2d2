#pragma once

#include "Parsed.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

class TaskStatus;

// How long runs of one kind of task usually take: the median ("usually 12 min") and the 95th percentile, the
// line past which a running task is overdue.
struct UsualDuration
{
    std::chrono::milliseconds median {0};
    std::chrono::milliseconds p95 {0};
    int runs = 0;
    // The median of the runs' longest still periods (no progress between two moves), where at least MinRuns
    // runs were watched while they ran; -1 when not. A kind that routinely stands still longer than the stall
    // threshold stalls only past twice this.
    std::chrono::milliseconds usualStill {-1};
    friend bool operator==(const UsualDuration &, const UsualDuration &) = default;
};

// A small local history of finished runs: for each kind of task (its definition against its target, e.g.
// "Cloud Account Aggregation" on source 2c91…), the durations of its latest runs. Bounded, and it holds no
// secret: ids, names and numbers only. Only runs that went through (Success, Warning) count: a run that failed
// after a second says nothing about how long the task takes. Pure; client/RunHistoryStore keeps it in a file.
class RunHistory
{
public:
    static constexpr int RunsPerKind = 50; // the latest ones
    static constexpr int MaxKinds = 500; // beyond: the kind whose last run is oldest goes
    static constexpr int MinRuns = 5; // fewer runs say nothing about the 95th percentile

    struct Run
    {
        QString taskId;
        std::chrono::milliseconds duration {0};
        QDateTime finishedAt;
        std::chrono::milliseconds longestStill {-1}; // -1: not watched while it ran
        friend bool operator==(const Run &, const Run &) = default;
    };

    // "definition id or name" + U+001F + "target id or name"; empty when the status names no definition.
    // `scope` (the tenant, for one) goes first when given: the same name on two tenants is two kinds.
    static QString kindOf(const TaskStatus &status, const QString &scope = {});

    // A finished run that went through, launched and completed known, not seen before: kept (true).
    // `longestStill`: how long it stood still at most while it was watched (-1: unknown).
    bool record(const TaskStatus &status, std::chrono::milliseconds longestStill = std::chrono::milliseconds(-1),
                const QString &scope = {});
    bool record(const QString &kind, const Run &run);
    // Another writer's history joined with this one (runs are told apart by task id).
    void merge(const RunHistory &other);

    std::optional<UsualDuration> usual(const QString &kind) const; // nullopt below MinRuns
    QList<Run> runs(const QString &kind) const { return m_runs.value(kind); }
    int kindCount() const { return static_cast<int>(m_runs.size()); }
    bool isEmpty() const { return m_runs.isEmpty(); }

    QByteArray toJson() const;
    // Strict about the document's shape, so a damaged file is named and not half-read.
    static Parsed<RunHistory> fromJson(const QByteArray &json);

    friend bool operator==(const RunHistory &, const RunHistory &) = default;

private:
    void trimKinds();

    QHash<QString, QList<Run>> m_runs; // oldest first
};

// A running task that has gone on for `elapsed` is overdue when its kind has at least MinRuns runs and it is
// past their 95th percentile.
bool isOverdue(std::chrono::milliseconds elapsed, const std::optional<UsualDuration> &usual);
