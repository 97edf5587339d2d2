#include "TaskStatusClient.h"

#include "ApiTransport.h"
#include "TokenProvider.h"
#include "models/TenantUrl.h"

FetchOutcome FetchOutcome::classify(const ApiResponse &response, bool list, const QString &askedId)
{
    FetchOutcome outcome;
    outcome.response = response;
    outcome.problem.httpStatus = response.httpStatus;
    outcome.problem.message = response.errorText;
    // Only an error answer carries an ErrorResponseDto: reading a 2xx body as one would parse a list of 250
    // tasks twice.
    const ApiError error = response.kind == ApiResponse::Kind::Ok ? ApiError() : response.apiError();
    outcome.problem.trackingId = error.trackingId;

    switch (response.kind) {
    case ApiResponse::Kind::Ok:
        if (list) {
            Parsed<QList<TaskStatus>> statuses = TaskStatus::listFromJson(response.body);
            if (statuses) {
                outcome.kind = Kind::Ok;
                outcome.statuses = std::move(statuses.value());
                outcome.problem = {};
                return outcome;
            }
            outcome.problem.message =
                    QStringLiteral("The task list could not be read: %1").arg(statuses.error().message());
        } else {
            Parsed<TaskStatus> status = TaskStatus::fromJson(response.body);
            // An answer about another task (a caching proxy or a broken tenant mixing up answers) must never
            // be shown as the state of the task asked for. Ids differing only in case name the same task.
            if (status && !askedId.isEmpty() && status.value().id.compare(askedId, Qt::CaseInsensitive) != 0) {
                const QString answered = status.value().id;
                outcome.kind = Kind::Server;
                outcome.problem.kind = FetchProblem::Kind::Fetch;
                outcome.problem.message =
                        QStringLiteral(
                                "The tenant answered with task %1 when asked for task %2; the answer was not used.")
                                .arg(answered.size() > 64 ? answered.left(64) + u'…' : answered, askedId);
                return outcome;
            }
            if (status) {
                outcome.kind = Kind::Ok;
                outcome.statuses.append(std::move(status.value()));
                outcome.problem = {};
                return outcome;
            }
            outcome.problem.message =
                    QStringLiteral("The task status could not be read: %1").arg(status.error().message());
        }
        outcome.kind = Kind::Server;
        outcome.problem.kind = FetchProblem::Kind::Fetch;
        return outcome;
    case ApiResponse::Kind::Http:
        if (response.httpStatus == 404) {
            outcome.kind = Kind::NotFound;
            outcome.problem.kind = FetchProblem::Kind::NotFound;
            outcome.problem.message = error.text();
        } else if (response.httpStatus == 401 || response.httpStatus == 403) {
            outcome.kind = Kind::Auth;
            outcome.problem.kind = FetchProblem::Kind::Auth;
        } else {
            outcome.kind = Kind::Server;
            outcome.problem.kind = FetchProblem::Kind::Fetch;
        }
        return outcome;
    case ApiResponse::Kind::AuthFailed:
        outcome.kind = Kind::Auth;
        outcome.problem.kind = FetchProblem::Kind::Auth;
        return outcome;
    case ApiResponse::Kind::Network:
        outcome.kind = Kind::Connection;
        outcome.problem.kind = FetchProblem::Kind::Fetch;
        return outcome;
    case ApiResponse::Kind::Refused:
        outcome.kind = Kind::Misconfigured;
        outcome.problem.kind = FetchProblem::Kind::Fetch;
        return outcome;
    case ApiResponse::Kind::Cancelled:
        break;
    }
    outcome.kind = Kind::Cancelled;
    outcome.problem.kind = FetchProblem::Kind::Fetch;
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

QString TaskStatusClient::setupProblem() const
{
    const QString problem = m_profile.problem();
    return problem.isEmpty() ? m_caProblem : problem;
}

QString TaskStatusClient::configurationProblem() const
{
    QString problem = setupProblem();
    if (problem.isEmpty() && !m_hasSecret)
        problem = QStringLiteral("No client secret is set for this connection.");
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
