#pragma once

#include "SteadyTime.h"
#include "models/Clock.h"

#include <QDateTime>

#include <functional>

// The monotonic clock: never set, never jumps.
using SteadyClock = std::function<SteadyTime()>;

// The two clocks of the engine. Every waiting and scheduling decision (the request budget, Retry-After holds,
// poll times, backoff, token renewal) runs on `steady`; `wall` only labels times for people and turns an HTTP
// date (Retry-After) into a wait. Tests pass functions that return times they control, so nothing waits on
// real time and either clock can be stepped alone.
struct EngineClock
{
    Clock wall;
    SteadyClock steady;

    // This clock with the real clocks in place of the missing functions.
    EngineClock orSystem() const;
    static EngineClock system() { return EngineClock().orSystem(); }
};

// The real monotonic clock (std::chrono::steady_clock: CLOCK_MONOTONIC on Linux, as QElapsedTimer and QTimer).
SteadyClock engineSteadyClock();

// Labels steady times with wall-clock times, for display ("next check at", "resuming at"). The offset between
// the two clocks is kept while it holds, so a time labelled twice reads the same and labels of one moment
// are exactly as far apart as the steady times; it is taken anew once the wall clock has been stepped.
class WallClockLabels
{
public:
    explicit WallClockLabels(EngineClock clock);
    QDateTime at(const SteadyTime &time); // invalid for an invalid time
    QDateTime now() { return at(m_clock.steady()); }

private:
    qint64 sampleOffset() const; // wall minus steady now, ms
    static constexpr qint64 StepMSecs = 1000; // a larger change of the offset is a step of the wall clock
    EngineClock m_clock;
    qint64 m_offset = 0; // wall minus steady, ms
    bool m_hasOffset = false;
};
