#include "Backoff.h"

#include <algorithm>

namespace Backoff {

std::chrono::milliseconds delay(int failures, std::chrono::milliseconds base, double random01,
                                std::chrono::milliseconds cap)
{
    const int doublings = std::clamp(failures - 1, 0, 30);
    double full = double(std::max<long long>(base.count(), 1));
    for (int i = 0; i < doublings && full < double(cap.count()); ++i)
        full *= 2;
    full = std::min(full, double(cap.count()));
    const double jitter = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(full / 2 + full / 2 * jitter));
}

} // namespace Backoff
