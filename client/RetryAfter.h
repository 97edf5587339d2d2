#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>

namespace RetryAfter {

constexpr std::chrono::seconds Default {10}; // the tenant's window, when a 429 names no time
constexpr std::chrono::seconds Maximum {300}; // a broken header must not stop a profile for hours

// The wait a 429's Retry-After header asks for: delta-seconds or an HTTP date (RFC 9110), at least 1 s and
// at most Maximum; Default when the header is missing or unreadable.
std::chrono::seconds delay(const QByteArray &header, const QDateTime &now);

} // namespace RetryAfter
