#include "SimTenant.h"

#include "JsonText.h"
#include "SimErrors.h"
#include "TaskListFilter.h"

#include <QJsonObject>

#include <algorithm>

namespace {

struct ListQuery
{
    int limit = SimTenant::maxLimit;
    int offset = 0;
    bool count = false;
    bool newestFirst = false;
    TaskListFilter filter;
};

// Parses the list parameters; on a bad one, fills `error` with the 400 to send.
std::optional<ListQuery> readListQuery(const HttpRequest &request, ApiVersion version, HttpResponse &error)
{
    const QList<QPair<QString, QString>> items = decodeFormEncoded(request.rawQuery);
    ListQuery query;
    bool found = false;

    const QString limit = firstValue(items, QStringLiteral("limit"), &found);
    if (found) {
        bool ok = false;
        query.limit = limit.trimmed().toInt(&ok);
        if (!ok || query.limit < 0 || query.limit > SimTenant::maxLimit) {
            error = SimErrors::illegalValue(
                    QStringLiteral("limit"), limit,
                    QStringLiteral("limit must be an integer from 0 to %1").arg(SimTenant::maxLimit));
            return std::nullopt;
        }
    }
    const QString offset = firstValue(items, QStringLiteral("offset"), &found);
    if (found) {
        bool ok = false;
        query.offset = offset.trimmed().toInt(&ok);
        if (!ok || query.offset < 0) {
            error = SimErrors::illegalValue(QStringLiteral("offset"), offset,
                                            QStringLiteral("offset must be an integer of 0 or more"));
            return std::nullopt;
        }
    }
    const QString count = firstValue(items, QStringLiteral("count"), &found);
    if (found) {
        if (count.compare(u"true", Qt::CaseInsensitive) != 0 && count.compare(u"false", Qt::CaseInsensitive) != 0) {
            error = SimErrors::illegalValue(QStringLiteral("count"), count,
                                            QStringLiteral("count must be true or false"));
            return std::nullopt;
        }
        query.count = count.compare(u"true", Qt::CaseInsensitive) == 0;
    }
    const QString sorters = firstValue(items, QStringLiteral("sorters"), &found).trimmed();
    if (found && !sorters.isEmpty()) {
        if (sorters != u"created" && sorters != u"-created") {
            error = SimErrors::illegalValue(QStringLiteral("sorters"), sorters,
                                            QStringLiteral("sorting is supported for \"created\" only (\"created\" "
                                                           "or \"-created\")"));
            return std::nullopt;
        }
        query.newestFirst = sorters == u"-created";
    }
    const QString filters = firstValue(items, QStringLiteral("filters"), &found);
    if (found) {
        Parsed<TaskListFilter> filter = TaskListFilter::parse(filters, version);
        if (!filter) {
            error = SimErrors::illegalValue(QStringLiteral("filters"), filters, filter.error().reason);
            return std::nullopt;
        }
        query.filter = filter.value();
    }
    return query;
}

bool experimentalHeaderPresent(const HttpRequest &request)
{
    return request.header("x-sailpoint-experimental").trimmed().toLower() == "true";
}

} // namespace

SimTenant::SimTenant(const SimConfig &config)
    : m_config(config)
    , m_limiter(config.rateLimitRequests, static_cast<qint64>(config.rateLimitSeconds) * 1000)
{ }

SimTenant::Reply SimTenant::handle(const SimRoute &route, const HttpRequest &request, const Now &now)
{
    if (route.kind == SimRoute::Kind::OAuthToken) {
        if (!route.methodAllowed)
            return Reply {SimErrors::methodNotAllowed(route.allow)};
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

    if (route.kind == SimRoute::Kind::TaskById)
        return Reply {taskById(route, now)};
    return Reply {taskList(route, request, now)};
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
    // Form fields in the body; the query string works too, as it does on the real endpoint.
    QList<QPair<QString, QString>> fields = decodeFormEncoded(request.body);
    fields.append(decodeFormEncoded(request.rawQuery));
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

    const TokenIssuer::Token token = m_tokens.issue(clientId, m_config.tokenTtlSeconds, now.wallMs);
    const QJsonObject body {
            {QStringLiteral("access_token"), QString::fromLatin1(token.accessToken)},
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_in"), m_config.tokenTtlSeconds},
            {QStringLiteral("scope"), QStringLiteral("sp:scopes:all")},
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

HttpResponse SimTenant::taskList(const SimRoute &route, const HttpRequest &request, const Now &now) const
{
    HttpResponse error;
    const std::optional<ListQuery> query = readListQuery(request, route.version, error);
    if (!query)
        return error;

    const bool completedOnly = ApiVersions::listsCompletedOnly(route.version);
    const std::vector<const SimTask *> &byCreated = m_tasks.byCreated();
    const qsizetype taskCount = static_cast<qsizetype>(byCreated.size());
    QByteArray body;
    auto append = [&](const SimTask *task, const TaskMoment &moment) {
        if (body.size() > 1)
            body.append(',');
        task->appendJson(body, moment);
    };
    auto slice = [&](qsizetype total) {
        const qsizetype first = std::min<qsizetype>(query->offset, total);
        return std::make_pair(first, std::min<qsizetype>(first + query->limit, total));
    };
    body.append('[');

    qsizetype total = 0;
    if (!completedOnly && query->filter.conditions.isEmpty()) {
        // Every task matches: only the page needs a look at the clock and serialising.
        total = taskCount;
        const auto [first, last] = slice(total);
        body.reserve((last - first) * 1500 + 2);
        for (qsizetype i = first; i < last; ++i) {
            const SimTask *task = byCreated[static_cast<size_t>(query->newestFirst ? taskCount - 1 - i : i)];
            append(task, task->momentAt(now.simulatedMs));
        }
    } else {
        std::vector<std::pair<const SimTask *, TaskMoment>> matches;
        auto consider = [&](const SimTask *task) {
            const TaskMoment moment = task->momentAt(now.simulatedMs);
            if (completedOnly && moment.phase != TaskPhase::Completed)
                return;
            if (query->filter.matches(task->filterSubject(moment)))
                matches.emplace_back(task, moment);
        };
        if (const std::optional<QStringList> ids = query->filter.candidateIds()) {
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
        if (query->newestFirst)
            std::reverse(matches.begin(), matches.end());
        total = static_cast<qsizetype>(matches.size());
        const auto [first, last] = slice(total);
        body.reserve((last - first) * 1500 + 2);
        for (qsizetype i = first; i < last; ++i)
            append(matches[static_cast<size_t>(i)].first, matches[static_cast<size_t>(i)].second);
    }
    body.append(']');
    HttpResponse response = HttpResponse::json(200, body);
    if (query->count)
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
