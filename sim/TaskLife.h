#pragma once

#include <QtGlobal>

// Where a task is in its life at a moment of simulated time: a pure function of the task's timing and
// the moment, so no task needs a timer and a status is computed only when someone asks for it.
//   created ── startDelay ──▶ launched ── duration ──▶ completed
// While running, progress advances in steps (one every updateIntervalMs): `modified`, percentComplete
// and the progress text change together, as a real task reports its progress.
struct TaskTiming
{
    qint64 createdMs = 0; // simulated milliseconds since the epoch
    qint64 startDelayMs = 0; // queued this long
    qint64 durationMs = 0; // running this long
    int finalPercent = 100; // percentComplete once completed (≤ 100; failures stop short)
    int progressSteps = 1; // number of progress texts shown while running
    // 0..99: the task gets stuck. It runs as if it would reach 100 % after `durationMs`, but its progress
    // reports stop at the first one that reaches this percentage, and it never completes. -1: it completes.
    int stuckAtPercent = -1;
    // With stuckAtPercent: stuck only this long, then it goes on and completes that much later. -1: for ever.
    qint64 stuckForMs = -1;

    qint64 launchedMs() const { return createdMs + startDelayMs; }
    // Never reached by a task stuck for ever.
    qint64 completedMs() const { return launchedMs() + durationMs + (pausesOnly() ? stuckForMs : 0); }
    bool isStuck() const { return stuckAtPercent >= 0 && stuckForMs < 0; }
    bool pausesOnly() const { return stuckAtPercent >= 0 && stuckForMs >= 0; }
};

enum class TaskPhase { Queued, Running, Completed };

struct TaskMoment
{
    TaskPhase phase = TaskPhase::Queued;
    qint64 modifiedMs = 0;
    int percentComplete = 0;
    int progressStep = -1; // index of the running progress text; -1 when queued or completed

    friend bool operator==(const TaskMoment &, const TaskMoment &) = default;
};

namespace TaskLife {

// How often a running task reports progress: 1/100 of its duration, between 0.2 s and 15 s.
qint64 updateIntervalMs(qint64 durationMs);
TaskMoment at(const TaskTiming &timing, qint64 nowMs);

} // namespace TaskLife
