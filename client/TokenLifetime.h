#pragma once

#include "SteadyTime.h"

#include <QJsonValue>

#include <chrono>

// How long an access token is used, from the token answer's `expires_in`. Mocks and misconfigured
// proxies send 0, negative or absurd values; none of them may lead to a token request per API call.
namespace TokenLifetime {

constexpr std::chrono::seconds Minimum {10}; // shorter claims are used this long (a 401 renews earlier)
constexpr std::chrono::seconds Maximum {24 * 3600}; // longer claims are capped
constexpr std::chrono::seconds Fallback {300}; // 0, negative, missing or not a number
constexpr std::chrono::seconds MaxRenewMargin {60}; // renew this long before expiry (a quarter for short ones)

std::chrono::seconds effective(const QJsonValue &expiresIn);
// When a token obtained at `obtainedAt` should be replaced before its next use, on the monotonic clock: a wall
// clock set back would keep an expired token in use, set forward would discard a good one.
SteadyTime renewAt(const SteadyTime &obtainedAt, std::chrono::seconds lifetime);

} // namespace TokenLifetime
