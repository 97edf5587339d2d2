#pragma once

#include "ScenarioTask.h"
#include "TaskLife.h"
#include "TaskListFilter.h"
#include "TaskPatch.h"

#include <QByteArray>
#include <QList>

// A task the server holds: its resolved scenario, its absolute timing, and the parts of its JSON body
// that never change, serialised once so that answering a list of 250 tasks is mostly copying bytes.
class SimTask
{
public:
    SimTask(ScenarioTask resolved, qint64 createdMs, quint64 order);

    const QString &id() const { return m_task.id; }
    const ScenarioTask &scenario() const { return m_task; }
    const TaskTiming &timing() const { return m_timing; }
    quint64 order() const { return m_order; } // insertion order, breaks ties between equal created times

    // Once patched, the moment it was patched (with the phase its patched completionStatus implies).
    TaskMoment momentAt(qint64 nowMs) const;
    // PATCH /task-status/{id}: records the patched completionStatus and/or completed date, as a tenant does
    // when support clears a stuck task. The task's life stops at `nowMs`: what its body showed then stays
    // (messages, attributes, progress, percentComplete), with the patched fields replaced and `modified` = now.
    // Fields a patch leaves out keep their value; a later patch changes the recorded state again.
    // A patch that sets an outcome without a completed date finishes the task at nowMs.
    void applyPatch(const TaskPatch &patch, qint64 nowMs);
    bool finishedAt(qint64 nowMs) const; // has an outcome (its own, or one patched in)
    bool isPatched() const { return m_patched.has_value(); }
    // Views into this task: valid while it lives.
    FilterSubject filterSubject(const TaskMoment &moment) const;
    // The TaskStatus body at `moment`, appended to `out` (same shape in every API version).
    void appendJson(QByteArray &out, const TaskMoment &moment) const;
    QByteArray json(qint64 nowMs) const;

private:
    struct Patched
    {
        TaskMoment moment; // when first patched, `modified` of the latest patch
        TaskPhase shownPhase = TaskPhase::Running; // the phase the body's other fields are shown for
        QString outcome; // SUCCESS, …; empty: null
        std::optional<qint64> completedMs; // empty: null
    };

    ScenarioTask m_task;
    TaskTiming m_timing;
    quint64 m_order;
    QByteArray m_head; // {"id":…,"created":…, the fields that never change, ending in ','
    QByteArray m_runningAttributes; // attributes without the return values (they exist once completed)
    QByteArray m_finalAttributes;
    QByteArray m_finalMessages;
    QByteArray m_finalReturns;
    QByteArray m_launched;
    QByteArray m_completed;
    QByteArray m_completionStatus;
    QString m_outcome; // SUCCESS, …: for filters
    QString m_sourceId; // for filters
    QString m_launcher; // for filters
    QByteArray m_finalProgress;
    QList<QByteArray> m_progress; // JSON strings
    std::optional<Patched> m_patched;
};
