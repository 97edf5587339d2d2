#include "TaskTransition.h"

#include "TaskStatus.h"

TaskSnapshot TaskSnapshot::of(const TaskStatus &status)
{
    return TaskSnapshot {status.state(), status.percentComplete, status.progress.value_or(QString()),
                         status.completionStatusRaw};
}

TaskTransition classifyTransition(const std::optional<TaskSnapshot> &previous, const TaskSnapshot &current)
{
    const TaskState now = current.state;
    if (isFinished(now)) {
        const bool sameOutcome = previous && previous->state == now
                && (now != TaskState::Unknown || previous->completionStatusRaw == current.completionStatusRaw);
        if (sameOutcome)
            return {};
        return {TransitionKind::Finished, now};
    }

    if (!previous)
        return now == TaskState::Running ? TaskTransition {TransitionKind::Started, now} : TaskTransition {};

    const TaskState before = previous->state;
    if (isFinished(before) || (before == TaskState::Running && now == TaskState::Queued))
        return {TransitionKind::Reappeared, now};
    if (before == TaskState::Queued && now == TaskState::Running)
        return {TransitionKind::Started, now};
    if (previous->percentComplete != current.percentComplete || previous->progress != current.progress)
        return {TransitionKind::Progressed, now};
    return {};
}

QString transitionKindName(TransitionKind kind)
{
    switch (kind) {
    case TransitionKind::NoChange:
        return QStringLiteral("NoChange");
    case TransitionKind::Started:
        return QStringLiteral("Started");
    case TransitionKind::Progressed:
        return QStringLiteral("Progressed");
    case TransitionKind::Finished:
        return QStringLiteral("Finished");
    case TransitionKind::Reappeared:
        return QStringLiteral("Reappeared");
    }
    return {};
}
