#include "ApiRoutes.h"

#include "models/TaskId.h"

namespace ApiRoutes {

namespace {

QUrl withPath(const QUrl &baseUrl, const QString &path)
{
    QUrl url = baseUrl;
    QString prefix = baseUrl.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl withQuery(QUrl url, const ListQuery &query)
{
    QStringList items;
    items.append(QStringLiteral("limit=%1").arg(query.limit));
    if (query.offset > 0)
        items.append(QStringLiteral("offset=%1").arg(query.offset));
    if (query.count)
        items.append(QStringLiteral("count=true"));
    if (!query.filters.isEmpty())
        items.append(QString(QStringLiteral("filters=") + encoded(query.filters)));
    if (!query.sorters.isEmpty())
        items.append(QString(QStringLiteral("sorters=") + encoded(query.sorters)));
    url.setQuery(items.join(u'&'), QUrl::StrictMode);
    return url;
}

} // namespace

QUrl tokenUrl(const QUrl &baseUrl)
{
    return withPath(baseUrl, QStringLiteral("/oauth/token"));
}

QUrl taskUrl(const QUrl &baseUrl, ApiVersion version, const QString &id)
{
    if (!TaskId::isValid(id))
        return {};
    return withPath(baseUrl, ApiVersions::taskPath(version, id));
}

QUrl listUrl(const QUrl &baseUrl, ApiVersion version, const ListQuery &query)
{
    return withQuery(withPath(baseUrl, ApiVersions::listPath(version)), query);
}

QUrl pendingUrl(const QUrl &baseUrl, ApiVersion version, const ListQuery &query)
{
    if (!ApiVersions::hasPendingTasks(version)) {
        ListQuery unfinished = query;
        unfinished.filters = runningFilter();
        return listUrl(baseUrl, version, unfinished);
    }
    // The pending-tasks endpoint takes only limit, offset and count.
    ListQuery paging = query;
    paging.filters.clear();
    paging.sorters.clear();
    return withQuery(withPath(baseUrl, ApiVersions::pendingPath(version)), paging);
}

QString idInFilter(const QStringList &ids)
{
    QStringList quoted;
    quoted.reserve(ids.size());
    for (const QString &id : ids) {
        if (TaskId::isValid(id))
            quoted.append(QString(u'"' + id + u'"'));
    }
    return QString(QStringLiteral("id in (") + quoted.join(u',') + u')');
}

QString runningFilter()
{
    return QStringLiteral("completionStatus isnull");
}

} // namespace ApiRoutes
