#pragma once

#include <QJsonObject>
#include <QString>

#include <map>

// What the server did, for tests and benchmarks (GET /__sim/stats). Control requests (/__sim/…) are
// not counted, so the numbers are those a client of the SailPoint API caused.
class SimStats
{
public:
    // outcome: the HTTP status sent ("200", "429", …) or "dropped".
    void record(const QString &route, const QString &outcome);

    qint64 totalRequests = 0;
    qint64 tokensIssued = 0;
    qint64 rateLimited = 0; // 429s sent
    qint64 dropped = 0;
    qint64 truncated = 0;
    qint64 failed = 0; // injected 500s
    // API requests that arrived while a 429 this server sent to the same client id and API version was
    // still in force (its Retry-After not yet over): a well-behaved client keeps this at 0.
    qint64 requestsDuringRetryAfter = 0;
    // PATCH requests to a task status that arrived (any answer, dropped ones too), and those answered 200.
    qint64 patchRequests = 0;
    qint64 patchesApplied = 0;
    // Task-list requests sorted newest first (sorters=-created): what following new tasks sends, told apart
    // from the batched refreshes (filters=id in (…)) on the same route.
    qint64 newestFirstLists = 0;

    qint64 count(const QString &route, const QString &outcome) const;
    // {"requests": {"GET /v2025/task-status/{id}": {"200": n}}, "totalRequests": n, "tokensIssued": n, …}
    QJsonObject toJson() const;
    void reset();

private:
    std::map<QString, std::map<QString, qint64>> m_requests; // sorted, for a stable JSON
};
