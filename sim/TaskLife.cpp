#include "TaskLife.h"

#include <algorithm>

namespace TaskLife {

qint64 updateIntervalMs(qint64 durationMs)
{
    return std::clamp<qint64>(durationMs / 100, 200, 15000);
}

TaskMoment at(const TaskTiming &timing, qint64 nowMs)
{
    const int finalPercent = std::clamp(timing.finalPercent, 0, 100);
    if (nowMs < timing.launchedMs())
        return TaskMoment {TaskPhase::Queued, timing.createdMs, 0, -1};
    if (nowMs >= timing.completedMs())
        return TaskMoment {TaskPhase::Completed, timing.completedMs(), finalPercent, -1};

    // Running: everything is as of the latest progress report, not of `now`.
    const qint64 interval = updateIntervalMs(timing.durationMs);
    const qint64 elapsed = (nowMs - timing.launchedMs()) / interval * interval;
    const double fraction = static_cast<double>(elapsed) / static_cast<double>(timing.durationMs);
    // 100 % only once completed; a task that fails stops short of its final percentage until it does.
    const int ceiling = std::min(finalPercent, 99);
    const int percent = std::clamp(static_cast<int>(fraction * finalPercent), 0, ceiling);
    const int steps = std::max(timing.progressSteps, 1);
    const int step = std::clamp(static_cast<int>(fraction * steps), 0, steps - 1);
    return TaskMoment {TaskPhase::Running, timing.launchedMs() + elapsed, percent, step};
}

} // namespace TaskLife
