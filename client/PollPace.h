#pragma once

#include "SteadyTime.h"

#include <chrono>

// How often a task that is not finished is looked at (pure; PollScheduler applies it). Within the share of the
// tenant's rate limit that Taskwatch may use:
// - a running task that moves is checked about once a second, so that its finish is seen within a second;
// - a queued task, or one that has not moved for StillAfter, every `ceiling` (the poll interval setting, an
//   upper bound on staleness);
// - a task whose rate says it finishes before that is checked just after the expected moment;
// - when the share cannot pay for that, every task is checked at the period a round of list calls costs
//   (roundFloor): rounds spread over the share, each at the floor of ceil(tasks / 250) requests.
namespace PollPace {

using std::chrono::milliseconds;

constexpr milliseconds Fastest {1000};
constexpr milliseconds StillAfter {60'000};
// Polling may use this part of the share; the rest stays free for tokens, discovery, follow rules, a PATCH.
constexpr double PollingPart = 0.9;
constexpr milliseconds AfterExpectedEnd {250}; // the tenant writes `completed` a moment after 100 %

struct Movement
{
    bool queued = false;
    SteadyTime lastMoved; // invalid: unknown (counts as moving)
    SteadyTime expectedEnd; // invalid: unknown
};

// The shortest period at which every one of `activeTasks` can be checked in rounds of `requestsPerRound`
// requests with `budgetRequests` per `window` (at least Fastest).
milliseconds roundFloor(qsizetype requestsPerRound, int budgetRequests, milliseconds window);

// The delay before the next check of a task that is not finished.
milliseconds nextDelay(const Movement &movement, const SteadyTime &now, milliseconds ceiling, milliseconds floor);

} // namespace PollPace
