#include "PollPace.h"

#include <algorithm>
#include <cmath>

namespace PollPace {

milliseconds roundFloor(qsizetype requestsPerRound, int budgetRequests, milliseconds window)
{
    if (requestsPerRound <= 0 || budgetRequests <= 0)
        return Fastest;
    const double perMillisecond = budgetRequests * PollingPart / double(window.count());
    const auto period = milliseconds(qint64(std::ceil(double(requestsPerRound) / perMillisecond)));
    return std::max(Fastest, period);
}

milliseconds nextDelay(const Movement &movement, const SteadyTime &now, milliseconds ceiling, milliseconds floor)
{
    const bool still = movement.lastMoved.isValid() && movement.lastMoved.msecsTo(now) >= StillAfter.count();
    milliseconds delay = movement.queued || still ? std::max(ceiling, Fastest) : Fastest;
    if (movement.expectedEnd.isValid() && !movement.queued) {
        const milliseconds untilEnd(now.msecsTo(movement.expectedEnd) + AfterExpectedEnd.count());
        if (untilEnd < delay)
            delay = std::max(Fastest, untilEnd);
    }
    return std::max(delay, floor);
}

} // namespace PollPace
