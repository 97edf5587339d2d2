#include "TaskLife.h"

#include <algorithm>

namespace TaskLife {

qint64 updateIntervalMs(qint64 durationMs)
{
    return std::clamp<qint64>(durationMs / 100, 200, 15000);
}

namespace {

// The time from launch of the progress report at which a stuck task stops: the first report whose
// percentage reaches `percent` of the way to 100 % over `durationMs`.
qint64 stuckElapsedMs(const TaskTiming &timing, qint64 interval)
{
    const qint64 reached = (timing.durationMs * std::clamp(timing.stuckAtPercent, 0, 99) + 99) / 100;
    return (reached + interval - 1) / interval * interval;
}

} // namespace

TaskMoment at(const TaskTiming &timing, qint64 nowMs)
{
    if (timing.pausesOnly()) {
        // Stuck for a while: the plain task's life, held still from the report that reached the percentage
        // until the pause is over, then going on that much later.
        TaskTiming plain = timing;
        plain.stuckAtPercent = -1;
        plain.stuckForMs = -1;
        const qint64 pauseStart = timing.launchedMs() + stuckElapsedMs(timing, updateIntervalMs(timing.durationMs));
        if (nowMs < pauseStart)
            return at(plain, nowMs);
        if (nowMs < pauseStart + timing.stuckForMs)
            return at(plain, pauseStart);
        TaskMoment moment = at(plain, nowMs - timing.stuckForMs);
        moment.modifiedMs += timing.stuckForMs;
        return moment;
    }
    const bool stuck = timing.isStuck();
    const int finalPercent = stuck ? 100 : std::clamp(timing.finalPercent, 0, 100);
    if (nowMs < timing.launchedMs())
        return TaskMoment {TaskPhase::Queued, timing.createdMs, 0, -1};
    if (stuck && timing.durationMs <= 0)
        return TaskMoment {TaskPhase::Running, timing.launchedMs(), std::clamp(timing.stuckAtPercent, 0, 99), 0};
    if (!stuck && nowMs >= timing.completedMs())
        return TaskMoment {TaskPhase::Completed, timing.completedMs(), finalPercent, -1};

    // Running: everything is as of the latest progress report, not of `now`.
    const qint64 interval = updateIntervalMs(timing.durationMs);
    qint64 elapsed = (nowMs - timing.launchedMs()) / interval * interval;
    const qint64 stopsAt = stuck ? stuckElapsedMs(timing, interval) : timing.durationMs;
    const bool stopped = stuck && elapsed >= stopsAt;
    elapsed = std::min(elapsed, stopsAt);
    const double fraction = static_cast<double>(elapsed) / static_cast<double>(timing.durationMs);
    // 100 % only once completed; a task that fails stops short of its final percentage until it does.
    const int ceiling = stuck ? std::clamp(timing.stuckAtPercent, 0, 99) : std::min(finalPercent, 99);
    // (A stuck task shows exactly its percentage once stopped, whatever the floating point rounding.)
    const int percent = stopped ? ceiling : std::clamp(static_cast<int>(fraction * finalPercent), 0, ceiling);
    const int steps = std::max(timing.progressSteps, 1);
    const int step = std::clamp(static_cast<int>(fraction * steps), 0, steps - 1);
    return TaskMoment {TaskPhase::Running, timing.launchedMs() + elapsed, percent, step};
}

} // namespace TaskLife
