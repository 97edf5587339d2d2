#pragma once

#include <QDateTime>

#include <functional>

// "Now" for everything that depends on it (elapsed time, ETA, countdowns, notification throttling).
// Tests swap it for a fake so that nothing waits on real time.
using Clock = std::function<QDateTime()>;

inline QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

inline Clock systemClock()
{
    return &systemNow;
}
