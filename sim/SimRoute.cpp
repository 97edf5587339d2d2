#include "SimRoute.h"

#include <QList>

namespace {

SimRoute route(SimRoute::Kind kind, const QByteArray &method, const QString &path, const QByteArray &allow)
{
    SimRoute result;
    result.kind = kind;
    result.pattern = QString::fromLatin1(method) + u' ' + path;
    result.allow = allow;
    result.methodAllowed = allow.split(',').contains(method);
    return result;
}

SimRoute unknownRoute(const QByteArray &method)
{
    SimRoute unknown;
    unknown.pattern = QString::fromLatin1(method) + QStringLiteral(" (unknown route)");
    return unknown;
}

} // namespace

SimRoute SimRoute::match(const QByteArray &method, const QByteArray &rawPath)
{
    // Split before decoding, so that an id with an encoded '/' stays one segment.
    const QList<QByteArray> raw = rawPath.mid(1).split('/');
    QList<QString> segments;
    for (const QByteArray &segment : raw)
        segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(segment)));

    if (segments == QList<QString> {QStringLiteral("oauth"), QStringLiteral("token")})
        return route(Kind::OAuthToken, method, QStringLiteral("/oauth/token"), "POST");
    if (segments.size() == 2 && segments.at(0) == u"__sim") {
        if (segments.at(1) == u"stats")
            return route(Kind::ControlStats, method, QStringLiteral("/__sim/stats"), "GET");
        if (segments.at(1) == u"tasks")
            return route(Kind::ControlTasks, method, QStringLiteral("/__sim/tasks"), "GET,POST");
        if (segments.at(1) == u"reset")
            return route(Kind::ControlReset, method, QStringLiteral("/__sim/reset"), "POST");
    }

    // /{version}/task-status[/{id}] and /task-status/v1[/{id}]
    std::optional<ApiVersion> version;
    if (segments.size() >= 2 && segments.at(0) == u"task-status" && segments.at(1) == u"v1")
        version = ApiVersion::V1;
    else if (segments.size() >= 2 && segments.at(1) == u"task-status" && segments.at(0) != u"v1")
        version = ApiVersions::fromName(segments.at(0));
    if (version && (segments.size() == 2 || (segments.size() == 3 && !segments.at(2).isEmpty()))) {
        const bool byId = segments.size() == 3;
        const QString list = ApiVersions::listPath(*version);
        // The pending-tasks list exists up to v2025 (deprecated there); v2026 and v1 do not have it, and
        // answer 404 as for any unknown route (not "task pending-tasks not found").
        if (byId && segments.at(2) == u"pending-tasks") {
            if (*version == ApiVersion::V2026 || *version == ApiVersion::V1)
                return unknownRoute(method);
            SimRoute result =
                    route(Kind::PendingTasks, method, QString(list + QStringLiteral("/pending-tasks")), "GET,HEAD");
            result.version = *version;
            return result;
        }
        SimRoute result = byId ? route(Kind::TaskById, method, QString(list + QStringLiteral("/{id}")), "GET,PATCH")
                               : route(Kind::TaskList, method, list, "GET");
        result.version = *version;
        if (byId)
            result.taskId = segments.at(2);
        return result;
    }

    return unknownRoute(method);
}
