#include "SimStats.h"

void SimStats::record(const QString &route, const QString &outcome)
{
    ++totalRequests;
    ++m_requests[route][outcome];
}

qint64 SimStats::count(const QString &route, const QString &outcome) const
{
    const auto byRoute = m_requests.find(route);
    if (byRoute == m_requests.end())
        return 0;
    const auto byOutcome = byRoute->second.find(outcome);
    return byOutcome == byRoute->second.end() ? 0 : byOutcome->second;
}

QJsonObject SimStats::toJson() const
{
    QJsonObject requests;
    for (const auto &[route, outcomes] : m_requests) {
        QJsonObject counts;
        for (const auto &[outcome, count] : outcomes)
            counts.insert(outcome, count);
        requests.insert(route, counts);
    }
    return QJsonObject {{QStringLiteral("requests"), requests},
                        {QStringLiteral("totalRequests"), totalRequests},
                        {QStringLiteral("tokensIssued"), tokensIssued},
                        {QStringLiteral("rateLimited"), rateLimited},
                        {QStringLiteral("dropped"), dropped},
                        {QStringLiteral("truncated"), truncated},
                        {QStringLiteral("failed"), failed},
                        {QStringLiteral("requestsDuringRetryAfter"), requestsDuringRetryAfter},
                        {QStringLiteral("patchRequests"), patchRequests},
                        {QStringLiteral("patchesApplied"), patchesApplied},
                        {QStringLiteral("newestFirstLists"), newestFirstLists}};
}

void SimStats::reset()
{
    *this = SimStats();
}
