#include "TaskChange.h"

namespace {

bool sameStatus(const WatchedTask &a, const WatchedTask &b)
{
    return a.status.has_value() == b.status.has_value() && (!a.status || a.status->rawJson == b.status->rawJson);
}

} // namespace

TaskChange TaskChange::between(const WatchedTask &before, const WatchedTask &after)
{
    TaskChange change;
    const bool statusSame = sameStatus(before, after);
    const bool keptSame = statusSame && before.label == after.label && before.paused == after.paused;
    change.visible = !keptSame || before.checkedAt != after.checkedAt || before.nextCheckAt != after.nextCheckAt
            || before.problem != after.problem || before.stalled != after.stalled || before.overdue != after.overdue
            || before.lastMovedAt != after.lastMovedAt;
    change.persist = !keptSame;
    change.progressOnly = before.label == after.label && before.paused == after.paused && before.status && after.status
            && before.status->state() == after.status->state();
    return change;
}
