#pragma once

#include "models/ApiVersion.h"

#include <QByteArray>
#include <QString>

// Which endpoint a request is for. `pattern` names the route in statistics, e.g.
// "GET /v2025/task-status/{id}"; the task id stays out of it so counts add up per endpoint.
struct SimRoute
{
    enum class Kind {
        Unknown,
        OAuthToken,
        TaskById,
        TaskList,
        PendingTasks, // beta, v2024, v2025 only
        ControlStats,
        ControlTasks,
        ControlReset,
    };

    Kind kind = Kind::Unknown;
    ApiVersion version = ApiVersion::V2025; // for TaskById / TaskList / PendingTasks
    QString taskId; // for TaskById, percent-decoded
    QString pattern; // "<METHOD> <path pattern>"
    bool methodAllowed = false;
    QByteArray allow; // the methods the route takes, for 405

    bool isControl() const
    {
        return kind == Kind::ControlStats || kind == Kind::ControlTasks || kind == Kind::ControlReset;
    }
    bool isApi() const { return kind == Kind::TaskById || kind == Kind::TaskList || kind == Kind::PendingTasks; }

    static SimRoute match(const QByteArray &method, const QByteArray &rawPath);
};
