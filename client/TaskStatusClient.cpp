#include "TaskStatusClient.h"

#include "ApiTransport.h"
#include "TokenProvider.h"
#include "models/TenantUrl.h"

#include <QMetaObject>

#include <algorithm>

namespace {

// Which outcome a transport answer is, before a 2xx body has been read.
FetchOutcome::Kind kindOf(const ApiResponse &response)
{
    switch (response.kind) {
    case ApiResponse::Kind::Ok:
        return FetchOutcome::Kind::Ok;
    case ApiResponse::Kind::Http:
        if (response.httpStatus == 404)
            return FetchOutcome::Kind::NotFound;
        if (response.httpStatus == 401 || response.httpStatus == 403)
            return FetchOutcome::Kind::Auth;
        return FetchOutcome::Kind::Server;
    case ApiResponse::Kind::AuthFailed:
        return FetchOutcome::Kind::Auth;
    case ApiResponse::Kind::Network:
        return FetchOutcome::Kind::Connection;
    case ApiResponse::Kind::Refused:
        return FetchOutcome::Kind::Misconfigured;
    case ApiResponse::Kind::Cancelled:
        break;
    }
    return FetchOutcome::Kind::Cancelled;
}

// What a task shows for an outcome that did not bring its status.
FetchProblem::Kind problemKindOf(FetchOutcome::Kind kind)
{
    switch (kind) {
    case FetchOutcome::Kind::Ok:
        return FetchProblem::Kind::None;
    case FetchOutcome::Kind::NotFound:
        return FetchProblem::Kind::NotFound;
    case FetchOutcome::Kind::Auth:
        return FetchProblem::Kind::Auth;
    case FetchOutcome::Kind::Server:
    case FetchOutcome::Kind::Connection:
    case FetchOutcome::Kind::Misconfigured:
    case FetchOutcome::Kind::Cancelled:
        break;
    }
    return FetchProblem::Kind::Fetch;
}

// A 2xx body: the statuses, or why they cannot be used (then the outcome is a Server problem).
Sentence readBody(FetchOutcome &outcome, const QByteArray &body, bool list, const QString &askedId)
{
    if (list) {
        Parsed<QList<TaskStatus>> statuses = TaskStatus::listFromJson(body);
        if (statuses) {
            outcome.statuses = std::move(statuses.value());
            return {};
        }
        return Sentence::translate("TaskStatusClient", "The task list could not be read: %1")
                .arg(statuses.error().message());
    }
    Parsed<TaskStatus> status = TaskStatus::fromJson(body);
    if (!status)
        return Sentence::translate("TaskStatusClient", "The task status could not be read: %1")
                .arg(status.error().message());
    // An answer about another task (a caching proxy or a broken tenant mixing up answers) must never be shown
    // as the state of the task asked for. Ids differing only in case name the same task.
    if (!askedId.isEmpty() && status.value().id.compare(askedId, Qt::CaseInsensitive) != 0) {
        const QString answered = status.value().id;
        return Sentence::translate("TaskStatusClient",
                                   "The tenant answered with task %1 when asked for task %2; the answer was not used.")
                .arg(answered.size() > 64 ? answered.left(64) + u'…' : answered)
                .arg(askedId);
    }
    outcome.statuses.append(std::move(status.value()));
    return {};
}

} // namespace

FetchOutcome FetchOutcome::classify(const ApiResponse &response, bool list, const QString &askedId, ApiAccess access)
{
    FetchOutcome outcome;
    outcome.response = response;
    outcome.kind = kindOf(response);
    if (outcome.kind == Kind::Ok && list && response.httpStatus == 204)
        return outcome; // No Content: an empty list (pending-tasks when nothing is queued or running)
    if (outcome.kind == Kind::Ok) {
        const Sentence unusable = readBody(outcome, response.body, list, askedId);
        if (unusable.isEmpty())
            return outcome;
        outcome.kind = Kind::Server;
        outcome.problem.setMessage(unusable);
    } else {
        // Only an error answer carries an ErrorResponseDto: reading a 2xx body as one would parse a list of 250
        // tasks twice.
        const ApiError error = response.apiError();
        outcome.problem.trackingId = error.trackingId;
        if (response.kind == ApiResponse::Kind::Http && error.isExplained(!list)) {
            // Ours says what it means (which scope, why a task is missing); the tenant's words stay beside it.
            outcome.problem.setMessage(error.explained(access, !list));
            if (error.hasOwnWords())
                outcome.problem.serverText = error.text();
        } else {
            outcome.problem.setMessage(outcome.kind == Kind::NotFound ? error.sentence() : response.errorText);
        }
    }
    outcome.problem.kind = problemKindOf(outcome.kind);
    outcome.problem.httpStatus = response.httpStatus;
    return outcome;
}

QString TaskStatusClient::budgetKey(const ConnectionProfile &profile)
{
    return TenantUrl::normalized(profile.baseUrl) + u'\n' + profile.clientId + u'\n'
            + ApiVersions::name(profile.apiVersion);
}

TaskStatusClient::TaskStatusClient(const ConnectionProfile &profile, EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_transport(new ApiTransport(std::move(clock), this))
{
    m_caProblem = m_transport->setCaFile(profile.caFile);
    // Two profiles with the same client id on the same tenant and version draw on one allowance, however the
    // tenant URL is spelled (case, default port, trailing dot or slash).
    m_transport->shareBudget(budgetKey(profile));
}

void TaskStatusClient::setSecret(const QString &secret)
{
    m_hasSecret = !secret.isEmpty();
    m_transport->tokens()->setCredentials(ApiRoutes::tokenUrl(m_profile.baseUrl), m_profile.clientId, secret);
}

Sentence TaskStatusClient::setupProblem() const
{
    const Sentence problem = m_profile.problem();
    return problem.isEmpty() ? m_caProblem : problem;
}

Sentence TaskStatusClient::configurationProblem() const
{
    Sentence problem = setupProblem();
    if (problem.isEmpty() && !m_hasSecret)
        problem = ApiTransport::missingSecret();
    return problem;
}

void TaskStatusClient::fetchTask(const QString &id, QObject *context, Done done)
{
    m_transport->get(ApiRoutes::taskUrl(m_profile.baseUrl, m_profile.apiVersion, id), context,
                     [id, done = std::move(done)](const ApiResponse &response) {
                         done(FetchOutcome::classify(response, false, id));
                     });
}

void TaskStatusClient::fetchList(const ApiRoutes::ListQuery &query, QObject *context, Done done)
{
    m_transport->get(
            ApiRoutes::listUrl(m_profile.baseUrl, m_profile.apiVersion, query), context,
            [done = std::move(done)](const ApiResponse &response) { done(FetchOutcome::classify(response, true)); });
}

bool TaskStatusClient::refuse(const Sentence &problem, QObject *context, Done &done)
{
    if (problem.isEmpty())
        return false;
    // Not sent: the answer comes from the event loop all the same, as every answer does.
    FetchOutcome refused;
    refused.kind = FetchOutcome::Kind::Misconfigured;
    refused.problem.kind = FetchProblem::Kind::Fetch;
    refused.problem.setMessage(problem);
    QMetaObject::invokeMethod(
            context, [refused, done = std::move(done)] { done(refused); }, Qt::QueuedConnection);
    return true;
}

void TaskStatusClient::fetchRecent(bool runningOnly, int limit, QObject *context, Done done)
{
    if (refuse(configurationProblem(), context, done))
        return;
    ApiRoutes::ListQuery query;
    query.limit = std::clamp(limit, 1, ApiRoutes::MaxListLimit);
    query.sorters = QStringLiteral("-created");
    if (runningOnly && !supportsRunningFilter(m_profile.apiVersion)) {
        // beta and v2024 list completed tasks only: their queued and running ones come from pending-tasks.
        fetchPending(query.limit, context, std::move(done));
        return;
    }
    if (runningOnly)
        query.filters = ApiRoutes::runningFilter();
    fetchList(query, context, std::move(done));
}

void TaskStatusClient::fetchPending(int limit, QObject *context, Done done)
{
    if (refuse(configurationProblem(), context, done))
        return;
    ApiRoutes::ListQuery query;
    query.limit = std::clamp(limit, 1, ApiRoutes::MaxListLimit);
    query.sorters = QStringLiteral("created");
    query.count = true;
    m_transport->get(ApiRoutes::pendingUrl(m_profile.baseUrl, m_profile.apiVersion, query), context,
                     [done = std::move(done)](const ApiResponse &response) {
                         FetchOutcome outcome = FetchOutcome::classify(response, true);
                         std::stable_sort(
                                 outcome.statuses.begin(), outcome.statuses.end(),
                                 [](const TaskStatus &a, const TaskStatus &b) { return a.created < b.created; });
                         done(outcome);
                     });
}

void TaskStatusClient::countPending(QObject *context, Done done)
{
    if (refuse(configurationProblem(), context, done))
        return;
    ApiRoutes::ListQuery query;
    query.limit = 1;
    query.count = true;
    const QUrl url = ApiRoutes::pendingUrl(m_profile.baseUrl, m_profile.apiVersion, query);
    const bool head = ApiVersions::hasPendingTasks(m_profile.apiVersion);
    m_transport->send({head ? ApiRequest::Method::Head : ApiRequest::Method::Get, url, {}, {}, true}, context,
                      [done = std::move(done)](const ApiResponse &response) {
                          FetchOutcome outcome = FetchOutcome::classify(response, true);
                          if (response.httpStatus == 204 && response.total() < 0)
                              outcome.response.totalCount = "0"; // No Content: nothing queued or running
                          if (outcome.response.ok() && outcome.response.total() < 0) {
                              outcome.kind = FetchOutcome::Kind::Server;
                              outcome.problem.kind = FetchProblem::Kind::Fetch;
                              outcome.problem.setMessage(Sentence::translate(
                                      "TaskStatusClient", "The tenant's answer had no X-Total-Count header."));
                          } else if (response.ok()) {
                              // A HEAD has no body to read: the header is the whole answer.
                              outcome.kind = FetchOutcome::Kind::Ok;
                              outcome.problem = {};
                          }
                          done(outcome);
                      });
}

void TaskStatusClient::patchTask(const QString &id, const QByteArray &patch, QObject *context, Done done)
{
    if (refuse(configurationProblem(), context, done))
        return;
    ApiRequest request {ApiRequest::Method::Patch, ApiRoutes::taskUrl(m_profile.baseUrl, m_profile.apiVersion, id),
                        patch, QByteArrayLiteral("application/json-patch+json"), true};
    m_transport->send(std::move(request), context, [id, done = std::move(done)](const ApiResponse &response) {
        done(FetchOutcome::classify(response, false, id, ApiAccess::Write));
    });
}
