#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "TaskListFilter.h"
#include "models/ApiVersion.h"

#include <optional>

// The query parameters of a task-status list: limit, offset, count, sorters and filters, as every
// version's spec documents them.
struct ListQuery
{
    static constexpr int maxLimit = 250;
    // The pending-tasks list takes only limit, offset and count (other parameters are ignored there).
    enum class Parameters { All, Paging };

    int limit = maxLimit;
    int offset = 0;
    bool count = false;
    bool newestFirst = false;
    TaskListFilter filter;
};

// Parses the list parameters; on a bad one, fills `error` with the 400 ErrorResponseDto to send.
std::optional<ListQuery> readListQuery(const HttpRequest &request, ApiVersion version, HttpResponse &error,
                                       ListQuery::Parameters parameters = ListQuery::Parameters::All);
