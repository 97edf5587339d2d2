#pragma once

#include <chrono>

namespace Backoff {

constexpr std::chrono::milliseconds Cap = std::chrono::minutes(5);

// The wait after `failures` consecutive failures (1 = the first): base·2^(failures−1), capped, with
// "equal jitter" (between half and all of it, by `random01` in [0, 1)) so that many tasks that failed
// together do not retry together. Never more than `cap`.
std::chrono::milliseconds delay(int failures, std::chrono::milliseconds base, double random01,
                                std::chrono::milliseconds cap = Cap);

} // namespace Backoff
