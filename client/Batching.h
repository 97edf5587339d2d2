#pragma once

#include "models/ApiVersion.h"

#include <QList>
#include <QStringList>
#include <QUrl>

// How watched ids are grouped into list calls, and which ids need a single GET instead.
namespace Batching {

constexpr qsizetype MaxIdsPerList = 250; // the list endpoint's largest limit
constexpr qsizetype MaxUrlBytes = 8 * 1024; // gateways reject longer request lines (414); stay under it

// Splits ids, in order, into the fewest consecutive groups such that each group has at most `maxIds` ids
// and the list URL filtering on it (ApiRoutes::listUrl with idInFilter) is shorter than `maxUrlBytes`.
QList<QStringList> splitForList(const QStringList &ids, const QUrl &baseUrl, ApiVersion version,
                                qsizetype maxIds = MaxIdsPerList, qsizetype maxUrlBytes = MaxUrlBytes);

// How many ids of SailPoint's length (32) one list call holds at this URL (at least 1): a long tenant URL leaves
// room for fewer in the filter.
qsizetype idsPerList(const QUrl &baseUrl, ApiVersion version);

// Encoded length of the list URL that filters on exactly these ids.
qsizetype listUrlLength(const QStringList &ids, const QUrl &baseUrl, ApiVersion version);

enum class FetchMode {
    Batched, // list calls of up to 250 ids; single GETs only where the list cannot answer
    PerId, // one GET per task, what SDK loops do (for comparisons and benchmarks)
};

struct DueTask
{
    QString id;
    bool knownActive = false; // last seen queued or running
    bool knownMissing = false; // last check said "not found": a list could not confirm it anyway
};

struct FetchPlan
{
    QStringList listIds; // to be refreshed with list calls (then split with splitForList)
    QStringList singleIds; // to be fetched with GET /task-status/{id}
};

// On beta and v2024 the list returns completed tasks only: a task last seen running would be missing from
// the answer and cost a single GET anyway, so it goes straight to a single GET. Tasks never seen, or seen
// finished (a "refresh now"), go to the list, which answers for every completed one.
FetchPlan planFetch(const QList<DueTask> &tasks, ApiVersion version, FetchMode mode);

} // namespace Batching
