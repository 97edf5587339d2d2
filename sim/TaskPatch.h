#pragma once

#include "models/Parsed.h"
#include "models/TaskState.h"

#include <QByteArray>

#include <optional>

// The body of PATCH /task-status/{id}: a JSON Patch (RFC 6902) that "clears a pending task" by replacing
// its completionStatus and completed date, as every version's spec documents it. Pure, so that every
// accepted and refused body is tested without a server.
struct TaskPatch
{
    std::optional<CompletionStatus> completionStatus; // Success … TempError; never None or Unknown
    std::optional<qint64> completedMs; // milliseconds since the epoch, UTC

    // contentType: the request's Content-Type header. Accepted: application/json-patch+json (parameters such
    // as charset allowed), a non-empty array of {"op": "replace", "path": "/completionStatus" | "/completed",
    // "value": …}. completionStatus in any case (the spec's own example sends "Error"); completed in RFC 3339
    // (with its offset) or the form of the spec's example, "2024-05-17 19:33:16.470000+00:00". When a path appears
    // twice the last one wins, as RFC 6902 applies operations in order. The error's field is the JSON path, e.g.
    // "[1].op".
    static Parsed<TaskPatch> parse(const QByteArray &contentType, const QByteArray &body);
};
