#include "SimTenant.h"

#include "JsonText.h"
#include "MultipartForm.h"
#include "SimErrors.h"
#include "TaskListFilter.h"
#include "TaskPatch.h"

#include <QJsonObject>

#include <algorithm>

namespace {

bool experimentalHeaderPresent(const HttpRequest &request)
{
    return request.header("x-sailpoint-experimental").trimmed().toLower() == "true";
}

constexpr char writeScope[] = "idn:task-management:write";
constexpr char readScope[] = "idn:task-management:read";
constexpr char allScopes[] = "sp:scopes:all";

// The token request's fields: a form-urlencoded or multipart/form-data body, and the query string.
// Anything else in the body is refused with an OAuth error (nullopt, `error` set).
std::optional<QList<QPair<QString, QString>>> tokenFields(const HttpRequest &request, HttpResponse &error)
{
    const QByteArray contentType = request.header("content-type");
    QList<QPair<QString, QString>> fields;
    if (MultipartForm::isMultipartFormData(contentType)) {
        const auto parts = MultipartForm::parse(contentType, request.body);
        if (!parts) {
            error = SimErrors::oauthError(
                    400, QStringLiteral("invalid_request"),
                    QStringLiteral("Malformed multipart/form-data body: %1").arg(parts.error().message()));
            return std::nullopt;
        }
        fields = parts.value();
    } else {
        const QByteArray media = contentType.split(';').first().trimmed().toLower();
        // No Content-Type is taken as a form, as before: clients that send only a query string often omit it.
        if (!request.body.trimmed().isEmpty() && !media.isEmpty() && media != "application/x-www-form-urlencoded") {
            error = SimErrors::oauthError(400, QStringLiteral("invalid_request"),
                                          QStringLiteral("Unsupported Content-Type \"%1\": send the parameters as "
                                                         "application/x-www-form-urlencoded or multipart/form-data")
                                                  .arg(QString::fromLatin1(contentType.left(100))));
            return std::nullopt;
        }
        fields = decodeFormEncoded(request.body);
    }
    fields.append(decodeFormEncoded(request.rawQuery));
    return fields;
}

} // namespace

SimTenant::SimTenant(const SimConfig &config)
    : m_config(config)
    , m_limiter(config.rateLimitRequests, static_cast<qint64>(config.rateLimitSeconds) * 1000)
{ }

SimTenant::Reply SimTenant::handle(const SimRoute &route, const HttpRequest &request, const Now &now)
{
    if (route.kind == SimRoute::Kind::OAuthToken) {
        if (!route.methodAllowed) // the token endpoint answers in OAuth's words, whatever went wrong
            return Reply {SimErrors::oauthError(405, QStringLiteral("invalid_request"),
                                                QStringLiteral("The token endpoint takes POST only"))
                                  .withHeader("Allow", route.allow)};
        return issueToken(request, now);
    }

    // The gateway authenticates every API request before anything else, unknown paths included.
    const TokenIssuer::Check check = m_tokens.check(request.header("authorization"), now.wallMs);
    if (check.verdict != TokenIssuer::Verdict::Valid)
        return Reply {SimErrors::unauthorized(TokenIssuer::errorText(check.verdict))};
    if (!route.isApi())
        return Reply {SimErrors::notFound()};

    const QString key = check.clientId + u'|' + ApiVersions::name(route.version);
    const RateLimiter::Decision admitted = m_limiter.admit(key, now.monotonicMs);
    if (!admitted.allowed)
        return Reply {SimErrors::rateLimited(admitted.retryAfterSeconds), false, true, admitted.retryAfterSeconds, key};
    if (m_config.experimentalHeaderRequired && ApiVersions::isExperimental(route.version)
        && !experimentalHeaderPresent(request))
        return Reply {SimErrors::experimentalHeaderMissing()};
    if (!route.methodAllowed)
        return Reply {SimErrors::methodNotAllowed(route.allow)};

    switch (route.kind) {
    case SimRoute::Kind::TaskById:
        return request.method == "PATCH" ? patchTask(route, request, check.clientId, now)
                                         : Reply {taskById(route, now)};
    case SimRoute::Kind::PendingTasks:
        return Reply {pendingTasks(route, request, now)};
    default:
        return Reply {taskList(route, request, now)};
    }
}

QString SimTenant::rateLimitKey(const SimRoute &route, const HttpRequest &request, qint64 wallMs) const
{
    if (!route.isApi())
        return {};
    const TokenIssuer::Check check = m_tokens.check(request.header("authorization"), wallMs);
    if (check.clientId.isEmpty())
        return {};
    return check.clientId + u'|' + ApiVersions::name(route.version);
}

SimTenant::Reply SimTenant::issueToken(const HttpRequest &request, const Now &now)
{
    // Form fields in the body (form-urlencoded or multipart); the query string works too, as it does on the
    // real endpoint.
    HttpResponse refusal;
    const std::optional<QList<QPair<QString, QString>>> given = tokenFields(request, refusal);
    if (!given)
        return Reply {refusal};
    const QList<QPair<QString, QString>> &fields = *given;
    bool found = false;
    const QString grantType = firstValue(fields, QStringLiteral("grant_type"), &found);
    if (!found || grantType.isEmpty())
        return Reply {
                SimErrors::oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Missing grant type"))};
    if (grantType != u"client_credentials")
        return Reply {SimErrors::oauthError(400, QStringLiteral("unsupported_grant_type"),
                                            QStringLiteral("Unsupported grant type: %1").arg(grantType.left(100)))};

    QString clientId = firstValue(fields, QStringLiteral("client_id"));
    QString clientSecret = firstValue(fields, QStringLiteral("client_secret"));
    // HTTP Basic client authentication (RFC 6749 2.3.1) is the other standard way to send them.
    const QByteArray authorization = request.header("authorization");
    if (clientId.isEmpty() && authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
            clientSecret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)));
        }
    }
    if (!credentialsAccepted(clientId, clientSecret))
        return Reply {SimErrors::oauthError(401, QStringLiteral("invalid_client"), QStringLiteral("Bad credentials"))};

    // A read-only client's token carries only the read scope, as an API client granted just that one does.
    const QString scope = QLatin1String(m_config.readOnlyClients.contains(clientId) ? readScope : allScopes);
    const TokenIssuer::Token token = m_tokens.issue(clientId, m_config.tokenTtlSeconds, now.wallMs, scope);
    const QJsonObject body {
            {QStringLiteral("access_token"), QString::fromLatin1(token.accessToken)},
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_in"), m_config.tokenTtlSeconds},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("tenant_id"), QLatin1String(TokenIssuer::tenantId)},
            {QStringLiteral("internal"), false},
            {QStringLiteral("pod"), QLatin1String(TokenIssuer::pod)},
            {QStringLiteral("strong_auth_supported"), false},
            {QStringLiteral("org"), QLatin1String(TokenIssuer::org)},
            {QStringLiteral("claims_supported"), false},
            {QStringLiteral("jti"), token.jti},
    };
    HttpResponse response = HttpResponse::json(200, JsonText::compact(body));
    response.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    return Reply {response, true, false};
}

HttpResponse SimTenant::taskById(const SimRoute &route, const Now &now) const
{
    const SimTask *task = m_tasks.find(route.taskId);
    if (!task)
        return SimErrors::notFound();
    return HttpResponse::json(200, task->json(now.simulatedMs));
}

SimTenant::Reply SimTenant::patchTask(const SimRoute &route, const HttpRequest &request, const QString &clientId,
                                      const Now &now)
{
    // The right first, as the gateway checks it before the service reads the request.
    if (m_config.readOnlyClients.contains(clientId))
        return Reply {SimErrors::forbidden(
                QStringLiteral("The token lacks the right %1 (it has %2 only). Updating a task status takes a "
                               "personal access token of a user with one of the levels ORG_ADMIN, CERT_ADMIN, "
                               "REPORT_ADMIN, ROLE_ADMIN, ROLE_SUBADMIN, SOURCE_ADMIN, SOURCE_SUBADMIN.")
                        .arg(QLatin1String(writeScope), QLatin1String(readScope)))};
    const Parsed<TaskPatch> patch = TaskPatch::parse(request.header("content-type"), request.body);
    if (!patch)
        return Reply {SimErrors::badRequestContent(patch.error().message())};
    SimTask *task = m_tasks.find(route.taskId);
    if (!task)
        return Reply {SimErrors::notFound()};
    if (!patch->completionStatus && !task->finishedAt(now.simulatedMs))
        return Reply {SimErrors::badRequestContent(
                QStringLiteral("the task has not finished: a patch without /completionStatus would give it a "
                               "completed date while it still runs"))};
    task->applyPatch(*patch, now.simulatedMs);
    Reply reply {HttpResponse::json(200, task->json(now.simulatedMs))};
    reply.patchApplied = true;
    return reply;
}

HttpResponse SimTenant::taskList(const SimRoute &route, const HttpRequest &request, const Now &now) const
{
    HttpResponse error;
    const std::optional<ListQuery> query = readListQuery(request, route.version, error);
    if (!query)
        return error;
    return listed(*query, ApiVersions::listsCompletedOnly(route.version), now);
}

HttpResponse SimTenant::pendingTasks(const SimRoute &route, const HttpRequest &request, const Now &now) const
{
    // Pending = not finished (queued or running): the list with completionStatus isnull, which is what the spec
    // tells clients to use instead of this deprecated endpoint.
    HttpResponse error;
    std::optional<ListQuery> query = readListQuery(request, route.version, error, ListQuery::Parameters::Paging);
    if (!query)
        return error;
    query->filter = TaskListFilter::parse(QStringLiteral("completionStatus isnull"), ApiVersion::V2025).value();
    HttpResponse response = listed(*query, false, now);
    if (response.status == 200 && response.body == "[]") {
        // Nothing pending: the spec's 204 No Content (X-Total-Count stays, 0, with count=true).
        response.status = 204;
        response.body.clear();
        response.headers.removeIf([](const auto &header) { return header.first.toLower() == "content-type"; });
    }
    return response.withHeader("X-Deprecated", "true");
}

HttpResponse SimTenant::listed(const ListQuery &query, bool completedOnly, const Now &now) const
{
    const std::vector<const SimTask *> &byCreated = m_tasks.byCreated();
    const qsizetype taskCount = static_cast<qsizetype>(byCreated.size());
    QByteArray body;
    auto append = [&](const SimTask *task, const TaskMoment &moment) {
        if (body.size() > 1)
            body.append(',');
        task->appendJson(body, moment);
    };
    auto slice = [&](qsizetype total) {
        const qsizetype first = std::min<qsizetype>(query.offset, total);
        return std::make_pair(first, std::min<qsizetype>(first + query.limit, total));
    };
    body.append('[');

    qsizetype total = 0;
    if (!completedOnly && query.filter.conditions.isEmpty()) {
        // Every task matches: only the page needs a look at the clock and serialising.
        total = taskCount;
        const auto [first, last] = slice(total);
        body.reserve((last - first) * 1500 + 2);
        for (qsizetype i = first; i < last; ++i) {
            const SimTask *task = byCreated[static_cast<size_t>(query.newestFirst ? taskCount - 1 - i : i)];
            append(task, task->momentAt(now.simulatedMs));
        }
    } else {
        std::vector<std::pair<const SimTask *, TaskMoment>> matches;
        auto consider = [&](const SimTask *task) {
            const TaskMoment moment = task->momentAt(now.simulatedMs);
            if (completedOnly && moment.phase != TaskPhase::Completed)
                return;
            if (query.filter.matches(task->filterSubject(moment)))
                matches.emplace_back(task, moment);
        };
        if (const std::optional<QStringList> ids = query.filter.candidateIds()) {
            // id eq / id in: look the ids up instead of scanning every task.
            for (const QString &id : *ids) {
                if (const SimTask *task = m_tasks.find(id))
                    consider(task);
            }
            std::sort(matches.begin(), matches.end(),
                      [](const auto &a, const auto &b) { return createdBefore(a.first, b.first); });
        } else {
            for (const SimTask *task : byCreated)
                consider(task);
        }
        if (query.newestFirst)
            std::reverse(matches.begin(), matches.end());
        total = static_cast<qsizetype>(matches.size());
        const auto [first, last] = slice(total);
        body.reserve((last - first) * 1500 + 2);
        for (qsizetype i = first; i < last; ++i)
            append(matches[static_cast<size_t>(i)].first, matches[static_cast<size_t>(i)].second);
    }
    body.append(']');
    HttpResponse response = HttpResponse::json(200, body);
    if (query.count)
        response.withHeader("X-Total-Count", QByteArray::number(total));
    return response;
}

bool SimTenant::credentialsAccepted(const QString &clientId, const QString &clientSecret) const
{
    if (clientId.isEmpty())
        return false;
    return std::any_of(m_config.credentials.begin(), m_config.credentials.end(), [&](const SimCredentials &pair) {
        return pair.clientId == clientId && pair.clientSecret == clientSecret;
    });
}
