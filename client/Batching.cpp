#include "Batching.h"

#include "ApiRoutes.h"

namespace Batching {

qsizetype listUrlLength(const QStringList &ids, const QUrl &baseUrl, ApiVersion version)
{
    ApiRoutes::ListQuery query;
    query.filters = ApiRoutes::idInFilter(ids);
    return ApiRoutes::listUrl(baseUrl, version, query).toEncoded().size();
}

QList<QStringList> splitForList(const QStringList &ids, const QUrl &baseUrl, ApiVersion version, qsizetype maxIds,
                                qsizetype maxUrlBytes)
{
    QList<QStringList> batches;
    if (ids.isEmpty())
        return batches;

    // Task ids contain only unreserved URL characters, so each id adds its own length plus a constant
    // (quotes and comma, encoded). Measure the constants once on real URLs instead of rebuilding per id.
    const QString a = QStringLiteral("a");
    const qsizetype one = listUrlLength({a}, baseUrl, version);
    const qsizetype two = listUrlLength({a, a}, baseUrl, version);
    const qsizetype perId = two - one - 1; // `,"x"` encoded, without x itself
    const qsizetype commaLength = QUrl::toPercentEncoding(QStringLiteral(",")).size();
    const qsizetype firstOverhead = perId - commaLength; // the first id has no comma before it
    const qsizetype fixed = one - 1 - firstOverhead; // the URL around the ids

    QStringList current;
    qsizetype length = fixed;
    for (const QString &id : ids) {
        if (!current.isEmpty() && (current.size() >= maxIds || length + perId + id.size() >= maxUrlBytes)) {
            batches.append(current);
            current.clear();
            length = fixed;
        }
        length += id.size() + (current.isEmpty() ? firstOverhead : perId);
        current.append(id);
    }
    if (!current.isEmpty())
        batches.append(current);
    return batches;
}

FetchPlan planFetch(const QList<DueTask> &tasks, ApiVersion version, FetchMode mode)
{
    FetchPlan plan;
    const bool listSkipsActive = ApiVersions::listsCompletedOnly(version);
    for (const DueTask &task : tasks) {
        if (mode == FetchMode::PerId || task.knownMissing || (listSkipsActive && task.knownActive))
            plan.singleIds.append(task.id);
        else
            plan.listIds.append(task.id);
    }
    return plan;
}

qsizetype idsPerList(const QUrl &baseUrl, ApiVersion version)
{
    const QStringList sample(MaxIdsPerList, QString(32, u'0'));
    return std::max<qsizetype>(1, splitForList(sample, baseUrl, version).value(0).size());
}

} // namespace Batching
