#pragma once

#include <QList>
#include <QString>

#include <optional>

// The task-status API versions a tenant serves. v3 has no task-status endpoints.
enum class ApiVersion { Beta, V2024, V2025, V2026, V1 };

namespace ApiVersions {

const QList<ApiVersion> &all();
QString name(ApiVersion version); // "beta", "v2024", …, "v1"
std::optional<ApiVersion> fromName(QStringView name);

// The list endpoint of beta and v2024 returns completed tasks only, as their spec says.
bool listsCompletedOnly(ApiVersion version);
// v2024–v2026 were "experimental" and wanted X-SailPoint-Experimental: true on task status.
bool isExperimental(ApiVersion version);
// The route of a task, e.g. "/v2025/task-status/{id}" or "/task-status/v1/{id}".
QString taskPath(ApiVersion version, const QString &id);
QString listPath(ApiVersion version);
// GET/HEAD /task-status/pending-tasks (queued and running tasks): beta, v2024 and v2025, where the spec marks
// it deprecated; v2026 and v1 have only the list with filters=completionStatus isnull.
bool hasPendingTasks(ApiVersion version);
// "/v2025/task-status/pending-tasks"; empty for a version without it.
QString pendingPath(ApiVersion version);

} // namespace ApiVersions
