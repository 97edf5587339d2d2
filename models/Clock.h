#pragma once

#include <QDateTime>

#include <functional>

// The wall clock: "now" in UTC, for everything that labels or measures time for people (elapsed time, ETA,
// countdowns, notification throttling) and for the engine's wall readings (client/EngineClock.h). Tests
// swap it for a fake so that nothing waits on real time.
using Clock = std::function<QDateTime()>;

inline QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

inline Clock systemClock()
{
    return &systemNow;
}
