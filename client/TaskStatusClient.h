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
    // answer about another id than `askedId` (when given) is a Server problem, not a status.
    static FetchOutcome classify(const ApiResponse &response, bool list, const QString &askedId = {});
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

    ApiTransport *transport() const { return m_transport; }
    // Profiles with equal keys share one request budget: the tenant counts per client id and API version.
    static QString budgetKey(const ConnectionProfile &profile);

private:
    ConnectionProfile m_profile;
    ApiTransport *m_transport;
    Sentence m_caProblem;
    bool m_hasSecret = false;
};
