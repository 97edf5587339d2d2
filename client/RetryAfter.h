#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>

namespace RetryAfter {

constexpr std::chrono::seconds Default {10}; // the tenant's window, when a 429 names no time
constexpr std::chrono::seconds Minimum {1}; // zero, negative and past times: the next second, never a burst now
// The longest wait honoured: a tenant may rightly ask for many minutes, but a broken header (or a date years
// ahead) must not stop a profile for days. Longer requests wait this long, then the tenant answers again.
constexpr std::chrono::seconds Maximum {3600};

// The wait a 429's Retry-After header asks for: delta-seconds or an IMF-fixdate (RFC 9110 §10.2.3), between
// Minimum and Maximum; Default when the header is missing or unreadable. Defined for every input (nan, inf,
// huge numbers, dates in the far past or future): no undefined float-to-integer conversion. `now` is the wall
// clock, needed only to turn a date into a wait; the caller holds that wait on a monotonic clock.
std::chrono::seconds delay(const QByteArray &header, const QDateTime &now);
// An IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT", as Retry-After and Date carry it) in UTC; invalid otherwise.
QDateTime httpDate(const QByteArray &text);

} // namespace RetryAfter
