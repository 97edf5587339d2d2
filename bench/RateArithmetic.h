#pragma once

#include <QString>
#include <QUrl>

// The fewest requests the API allows, computed without the engine: how many ids fit one list call, and how
// long a rate limit makes a number of requests take. Pure functions, shared by the benchmarks.
namespace RateArithmetic {

constexpr int MaxListLimit = 250; // the list endpoint's largest `limit`
constexpr int MaxUrlBytes = 8192; // a list URL must stay under 8 KiB (api-facts.md)
constexpr int IdLength = 32; // SailPoint's ids: 32 hex characters

// The whole list URL (scheme and host included) for `count` 32-hex ids, with the filter fully
// percent-encoded and no other parameter: `{base}/v2025/task-status?filters=id%20in%20%28%22…%22%29`.
qsizetype minimalListUrlLength(const QUrl &baseUrl, int count);
// The most ids one list call can carry: at most 250, URL under 8 KiB.
int idsPerRequest(const QUrl &baseUrl);
// ceil(tasks / idsPerRequest): the fewest task-status requests that refresh `tasks` tasks.
int floorRequests(int tasks, int idsPerRequest);
// The least time `requests` requests take under `limit` requests per `windowSeconds` (sliding window):
// the first `limit` go at once, each later one waits for a slot.
double floorSeconds(int requests, int limit, int windowSeconds);

} // namespace RateArithmetic
