#pragma once

#include "models/ApiVersion.h"

#include <QString>
#include <QStringList>
#include <QUrl>

// The URLs of the SailPoint endpoints Taskwatch calls, built from a tenant base URL (which may carry a
// path prefix, e.g. behind a gateway). Query values are fully percent-encoded, so the length of a URL is
// known exactly and no gateway re-encodes it.
namespace ApiRoutes {

constexpr int MaxListLimit = 250;

struct ListQuery
{
    QString filters; // empty: none
    QString sorters; // empty: none
    int limit = MaxListLimit;
    int offset = 0;
    bool count = false; // count=true: the answer's X-Total-Count holds the total
};

QUrl tokenUrl(const QUrl &baseUrl);
// An invalid QUrl when the id is not a valid task id (models/TaskId).
QUrl taskUrl(const QUrl &baseUrl, ApiVersion version, const QString &id);
QUrl listUrl(const QUrl &baseUrl, ApiVersion version, const ListQuery &query);
// Queued and running tasks: GET (or HEAD) /task-status/pending-tasks where the version has it (limit,
// offset, count), else the list with filters=completionStatus isnull (the spec's advice) and the query's
// sorters. The query's own filters are not used.
QUrl pendingUrl(const QUrl &baseUrl, ApiVersion version, const ListQuery &query);

// `id in ("a","b")`. Only valid task ids (models/TaskId) get in, so no input can close the quoted string
// or add to the expression; callers validate ids earlier, this is the last line of defence.
QString idInFilter(const QStringList &ids);
// Tasks that have not finished (v2025, v2026, v1).
QString runningFilter();

} // namespace ApiRoutes
