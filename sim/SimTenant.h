#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "ListQuery.h"
#include "RateLimiter.h"
#include "SimConfig.h"
#include "SimRoute.h"
#include "TaskStore.h"
#include "TokenIssuer.h"

// The SailPoint side of the simulator: the OAuth token endpoint and the task-status API, with their
// authentication, rate limit, experimental header rule, paging and filters. No sockets and no clocks of
// its own: the server passes the request and the time in, which keeps it testable and fast.
class SimTenant
{
public:
    struct Now
    {
        qint64 wallMs = 0; // token issue and expiry
        qint64 monotonicMs = 0; // rate limits
        qint64 simulatedMs = 0; // task life
    };

    struct Reply
    {
        HttpResponse response;
        bool tokenIssued = false;
        bool rateLimited = false;
        int retryAfterSeconds = 0; // of a 429
        QString rateLimitKey {}; // of a 429: the client id and API version it applies to
        bool patchApplied = false; // a PATCH changed a task
    };

    explicit SimTenant(const SimConfig &config);

    // For OAuthToken, TaskById (GET, PATCH), TaskList, PendingTasks and Unknown routes (control routes are the
    // server's). Tasks are patched in place.
    Reply handle(const SimRoute &route, const HttpRequest &request, const Now &now);

    // The rate-limit budget an API request counts against ("client|version"), from a signed token even if
    // expired; empty for other routes and unsigned tokens. Lets the server tell when a client ignores a 429.
    QString rateLimitKey(const SimRoute &route, const HttpRequest &request, qint64 wallMs) const;

    TaskStore &tasks() { return m_tasks; }
    const TaskStore &tasks() const { return m_tasks; }
    void resetRateLimits() { m_limiter.reset(); }

    static constexpr int maxLimit = ListQuery::maxLimit;

private:
    Reply issueToken(const HttpRequest &request, const Now &now);
    HttpResponse taskById(const SimRoute &route, const Now &now) const;
    Reply patchTask(const SimRoute &route, const HttpRequest &request, const QString &clientId, const Now &now);
    HttpResponse taskList(const SimRoute &route, const HttpRequest &request, const Now &now) const;
    HttpResponse pendingTasks(const SimRoute &route, const HttpRequest &request, const Now &now) const;
    HttpResponse listed(const ListQuery &query, bool completedOnly, const Now &now) const;
    bool credentialsAccepted(const QString &clientId, const QString &clientSecret) const;

    SimConfig m_config;
    TokenIssuer m_tokens;
    RateLimiter m_limiter;
    TaskStore m_tasks;
};
