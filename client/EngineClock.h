#pragma once

#include <QDateTime>

#include <functional>

// "Now" (UTC) for every time-based decision of the engine: scheduling, backoff, the request budget,
// token expiry. Tests pass a function that returns a time they control, so nothing waits on real time.
// The same alias as ui/Clock.h: redeclaring an alias to the same type is allowed, so both headers mix.
using Clock = std::function<QDateTime()>;

// The real clock; what every engine object uses unless a test gives it another.
Clock engineSystemClock();
