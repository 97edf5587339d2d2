#pragma once

#include "client/EngineClock.h"

#include <QDateTime>
#include <QTimeZone>

#include <chrono>

// The engine's two clocks, moving only when a test says so: advance() moves both (time passes), stepWall()
// moves only the wall clock (someone sets the system time, or NTP corrects it).
class ManualClock
{
public:
    QDateTime now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());
    SteadyTime steady = SteadyTime::fromMSecs(1000000); // an arbitrary origin, as the real monotonic clock's

    void advance(std::chrono::milliseconds by)
    {
        now = now.addMSecs(by.count());
        steady = steady.addMSecs(by.count());
    }
    void stepWall(std::chrono::milliseconds by) { now = now.addMSecs(by.count()); }
    Clock function()
    {
        return [this] { return now; };
    }
    EngineClock engine()
    {
        return {[this] { return now; }, [this] { return steady; }};
    }
};

// QCOMPARE prints steady times as milliseconds.
inline char *toString(const SteadyTime &time)
{
    return qstrdup(time.isValid() ? QByteArray::number(time.msecs()).append(" ms").constData() : "invalid");
}
