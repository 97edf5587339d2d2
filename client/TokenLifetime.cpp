#include "TokenLifetime.h"

#include <algorithm>
#include <cmath>

namespace TokenLifetime {

std::chrono::seconds effective(const QJsonValue &expiresIn)
{
    double claimed = -1;
    if (expiresIn.isDouble())
        claimed = expiresIn.toDouble();
    else if (expiresIn.isString())
        claimed = expiresIn.toString().trimmed().toDouble(); // 0 when not a number
    if (!std::isfinite(claimed) || claimed <= 0)
        return Fallback;
    if (claimed >= double(Maximum.count()))
        return Maximum;
    return std::max(Minimum, std::chrono::seconds(static_cast<long long>(claimed)));
}

SteadyTime renewAt(const SteadyTime &obtainedAt, std::chrono::seconds lifetime)
{
    const std::chrono::seconds margin = std::min(MaxRenewMargin, lifetime / 4);
    return obtainedAt.addSecs((lifetime - margin).count());
}

} // namespace TokenLifetime
