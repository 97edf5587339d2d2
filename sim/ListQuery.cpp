#include "ListQuery.h"

#include "SimErrors.h"

std::optional<ListQuery> readListQuery(const HttpRequest &request, ApiVersion version, HttpResponse &error,
                                       ListQuery::Parameters parameters)
{
    const QList<QPair<QString, QString>> items = decodeFormEncoded(request.rawQuery);
    ListQuery query;
    bool found = false;

    const QString limit = firstValue(items, QStringLiteral("limit"), &found);
    if (found) {
        bool ok = false;
        query.limit = limit.trimmed().toInt(&ok);
        if (!ok || query.limit < 0 || query.limit > ListQuery::maxLimit) {
            error = SimErrors::illegalValue(
                    QStringLiteral("limit"), limit,
                    QStringLiteral("limit must be an integer from 0 to %1").arg(ListQuery::maxLimit));
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
    if (parameters == ListQuery::Parameters::Paging)
        return query;
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
