#pragma once

#include "ApiResponse.h"
#include "ApiRoutes.h"
#include "EngineClock.h"
#include "models/ConnectionProfile.h"
#include "models/Sentence.h"
#include "models/TaskStatus.h"
#include "models/WatchedTask.h"

#include <QList>
#include <QObject>

#include <functional>

class ApiTransport;

// What one task-status call told us, in the terms the engine acts on.
struct FetchOutcome
{
    enum class Kind {
        Ok, // statuses holds the answer (one for a task GET, any number for a list)
        NotFound, // 404
        Auth, // credentials refused, 401 after a renewal, or 403: polling stops
        Server, // another HTTP error or an unreadable body: the task backs off
        Connection, // no HTTP answer: the whole profile backs off
        Misconfigured, // not sent (URL policy, CA file, no secret)
        Cancelled,
    };

    Kind kind = Kind::Connection;
    QList<TaskStatus> statuses;
    FetchProblem problem; // for every kind but Ok: message, tracking id, HTTP status
    ApiResponse response; // as the transport delivered it

    bool ok() const { return kind == Kind::Ok; }

    // Pure classification of a transport answer; `list` says which body shape a 2xx carries. A single task's
    // answer about another id than `askedId` (when given) is a Server problem, not a status. A 403 (and a
    // single task's 404) reads in our words for `access` (ApiError::explained), the tenant's in serverText.
    static FetchOutcome classify(const ApiResponse &response, bool list, const QString &askedId = {},
                                 ApiAccess access = ApiAccess::Read);
};

// The task-status API of one profile: builds the URLs, sends through ApiTransport (owned here, and with it
// the only QNetworkAccessManager and the token), and parses the answers.
class TaskStatusClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const FetchOutcome &)>;

    explicit TaskStatusClient(const ConnectionProfile &profile, EngineClock clock = {}, QObject *parent = nullptr);

    const ConnectionProfile &profile() const { return m_profile; }
    void setSecret(const QString &secret); // memory only
    bool hasSecret() const { return m_hasSecret; }
    // Why the profile cannot work as set (URL policy, client id, CA file); empty when it can.
    Sentence setupProblem() const;
    // setupProblem(), or a missing secret: why no request can be sent; empty when requests may go out.
    Sentence configurationProblem() const;

    void fetchTask(const QString &id, QObject *context, Done done);
    void fetchList(const ApiRoutes::ListQuery &query, QObject *context, Done done);
    // Recent tasks on the tenant, newest first (running ones only needs v2025 or later). What cannot be asked
    // (that, or a configurationProblem) is not sent and answers Misconfigured.
    void fetchRecent(bool runningOnly, int limit, QObject *context, Done done);

    // Queued and running tasks (ApiRoutes::pendingUrl: pending-tasks on beta, v2024 and v2025, the list with
    // completionStatus isnull on v2026 and v1), with count=true: outcome.response.total() is the whole number.
    // Oldest first on every version, the order a queue is worked in (pending-tasks takes no sorters, so the
    // answer is put in that order here too).
    void fetchPending(int limit, QObject *context, Done done);
    // Only the number of queued and running tasks, from X-Total-Count: a HEAD of pending-tasks where the
    // version has it, else a one-task list with count=true. Ok with response.total() ≥ 0, or a problem.
    void countPending(QObject *context, Done done);
    // PATCH /task-status/{id} with a JSON Patch body (application/json-patch+json). Sent once: the transport
    // sends it again only after a 401 or a 429 (the tenant did not act on those), never after a timeout or a
    // dropped connection. A 403 reads as the write scope that is missing.
    void patchTask(const QString &id, const QByteArray &patch, QObject *context, Done done);

    ApiTransport *transport() const { return m_transport; }
    // Profiles with equal keys share one request budget: the tenant counts per client id and API version.
    static QString budgetKey(const ConnectionProfile &profile);

private:
    // Answers Misconfigured from the event loop when `problem` is set: what cannot be asked is not sent.
    bool refuse(const Sentence &problem, QObject *context, Done &done);

    ConnectionProfile m_profile;
    ApiTransport *m_transport;
    Sentence m_caProblem;
    bool m_hasSecret = false;
};
