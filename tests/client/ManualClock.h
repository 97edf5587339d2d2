#pragma once

#include "EngineClock.h"

#include <QDateTime>
#include <QTimeZone>

#include <chrono>

// A clock that moves only when a test says so.
class ManualClock
{
public:
    QDateTime now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());

    void advance(std::chrono::milliseconds by) { now = now.addMSecs(by.count()); }
    Clock function()
    {
        return [this] { return now; };
    }
};
