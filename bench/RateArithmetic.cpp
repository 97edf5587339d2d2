#include "RateArithmetic.h"

#include <QByteArray>

namespace RateArithmetic {

qsizetype minimalListUrlLength(const QUrl &baseUrl, int count)
{
    QString filter = QStringLiteral("id in (");
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            filter += u',';
        filter += u'"' + QString(IdLength, u'0') + u'"';
    }
    filter += u')';
    QString base = baseUrl.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    const QByteArray url = base.toUtf8() + "/v2025/task-status?filters=" + QUrl::toPercentEncoding(filter);
    return url.size();
}

int idsPerRequest(const QUrl &baseUrl)
{
    int count = 1;
    while (count < MaxListLimit && minimalListUrlLength(baseUrl, count + 1) < MaxUrlBytes)
        ++count;
    return count;
}

int floorRequests(int tasks, int idsPerRequest)
{
    return (tasks + idsPerRequest - 1) / idsPerRequest;
}

double floorSeconds(int requests, int limit, int windowSeconds)
{
    if (requests <= limit || limit <= 0)
        return 0;
    return double((requests - 1) / limit) * windowSeconds;
}

} // namespace RateArithmetic
