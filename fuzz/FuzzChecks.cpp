#include "FuzzChecks.h"

#include "client/ApiRoutes.h"
#include "client/Batching.h"
#include "models/ApiError.h"
#include "models/TaskId.h"
#include "models/TaskStatus.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace FuzzChecks {

namespace {

bool hasLineBreak(const QString &text)
{
    return text.contains(u'\n') || text.contains(u'\r') || text.contains(QChar(0x2028)) || text.contains(QChar(0x2029));
}

QString statusProblem(const TaskStatus &status, const QString &where)
{
    if (status.id.isEmpty())
        return where + QStringLiteral(": accepted a status without an id");
    if (status.percentComplete && (*status.percentComplete < 0 || *status.percentComplete > 100))
        return where + QStringLiteral(": percentComplete %1 is outside 0..100").arg(*status.percentComplete);
    // Everything the UI calls on a status must hold up, whatever was in it.
    (void)status.state();
    for (const ReturnValue &value : status.returnValues())
        (void)value.text();
    for (const TaskMessage &message : status.messages) {
        (void)message.text();
        (void)message.parametersText();
    }

    const Parsed<TaskStatus> again = TaskStatus::fromJson(status.rawJson);
    if (!again)
        return where + QStringLiteral(": its raw object, written out, no longer parses: ") + again.error().message();
    if (again->id != status.id || again->state() != status.state()
        || again->completionStatusRaw != status.completionStatusRaw || again->percentComplete != status.percentComplete
        || again->progress != status.progress || again->messages.size() != status.messages.size()
        || again->returns.size() != status.returns.size() || again->created != status.created
        || again->launched != status.launched || again->completed != status.completed
        || again->rawJson != status.rawJson) // the watch list and change detection rely on stable bytes
        return where + QStringLiteral(": its raw object, written out and read again, gives another status");
    return {};
}

// Reads `"..."` at `pos` (which must be at the opening quote); advances `pos` past the closing quote.
std::optional<QString> readQuoted(QStringView text, qsizetype &pos)
{
    if (pos >= text.size() || text[pos] != u'"')
        return std::nullopt;
    ++pos;
    QString value;
    while (pos < text.size()) {
        const QChar c = text[pos++];
        if (c == u'"')
            return value;
        if (c == u'\\') {
            if (pos >= text.size() || (text[pos] != u'"' && text[pos] != u'\\'))
                return std::nullopt;
            value.append(text[pos++]);
        } else {
            value.append(c);
        }
    }
    return std::nullopt; // unterminated
}

void skipSpaces(QStringView text, qsizetype &pos)
{
    while (pos < text.size() && text[pos] == u' ')
        ++pos;
}

bool readWord(QStringView text, qsizetype &pos, QStringView word)
{
    if (text.mid(pos).startsWith(word)) {
        pos += word.size();
        return true;
    }
    return false;
}

} // namespace

std::optional<QStringList> parseIdInFilter(QStringView filter)
{
    qsizetype pos = 0;
    skipSpaces(filter, pos);
    if (!readWord(filter, pos, u"id"))
        return std::nullopt;
    const qsizetype afterId = pos;
    skipSpaces(filter, pos);
    if (pos == afterId || !readWord(filter, pos, u"in"))
        return std::nullopt;
    skipSpaces(filter, pos);
    if (!readWord(filter, pos, u"("))
        return std::nullopt;
    QStringList ids;
    skipSpaces(filter, pos);
    if (!readWord(filter, pos, u")")) {
        for (;;) {
            skipSpaces(filter, pos);
            const std::optional<QString> id = readQuoted(filter, pos);
            if (!id)
                return std::nullopt;
            ids.append(*id);
            skipSpaces(filter, pos);
            if (readWord(filter, pos, u")"))
                break;
            if (!readWord(filter, pos, u","))
                return std::nullopt;
        }
    }
    skipSpaces(filter, pos);
    if (pos != filter.size())
        return std::nullopt; // anything after the list would be more expression
    return ids;
}

QString taskStatus(const QByteArray &data)
{
    const Parsed<TaskStatus> one = TaskStatus::fromJson(data);
    if (one) {
        const QString problem = statusProblem(*one, QStringLiteral("fromJson"));
        if (!problem.isEmpty())
            return problem;
    } else if (one.error().message().isEmpty()) {
        return QStringLiteral("fromJson refused without saying why");
    }
    const Parsed<QList<TaskStatus>> list = TaskStatus::listFromJson(data);
    if (list) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString problem = statusProblem(list->at(i), QStringLiteral("listFromJson[%1]").arg(i));
            if (!problem.isEmpty())
                return problem;
        }
    } else if (list.error().message().isEmpty()) {
        return QStringLiteral("listFromJson refused without saying why");
    }
    return {};
}

QString apiError(const QByteArray &data)
{
    const int status = data.size() < 2 ? 500 : 100 + (uchar(data[0]) << 8 | uchar(data[1])) % 500;
    const ApiError error = ApiError::fromResponse(status, data.mid(2));
    const QString summary = error.summary();
    const QString text = error.text();
    const QString prefix = QStringLiteral("HTTP %1: ").arg(status);
    if (!summary.startsWith(prefix) || summary.size() <= prefix.size())
        return QStringLiteral("summary() does not name the status and a reason: ") + summary.left(200);
    if (!text.startsWith(summary))
        return QStringLiteral("text() does not start with summary()");
    if (hasLineBreak(summary) || hasLineBreak(text))
        return QStringLiteral("the error text spans several lines: ") + text.left(200);
    // A sentence, not a dump (the body stays whole in `body` for exports).
    if (text.size() > 1200)
        return QStringLiteral("the error text is %1 characters long").arg(text.size());
    if (!error.trackingId.isEmpty() && !text.contains(error.trackingId))
        return QStringLiteral("text() leaves out the tracking id");
    if (error.body != data.mid(2))
        return QStringLiteral("the body is not kept as received");
    return {};
}

QString pastedIds(const QByteArray &data)
{
    const qsizetype limit = data.isEmpty() ? 10000 : 1 + uchar(data[0]) % 64;
    const QString text = QString::fromUtf8(data.mid(1));
    // A first paste gives the ids "already watched" for a second one, so duplicates are exercised.
    const TaskId::PastedIds first = TaskId::parsePasted(text);
    const QStringList known = first.ids.mid(0, 3);
    const TaskId::PastedIds result = TaskId::parsePasted(text, known, limit);

    if (result.ids.size() > limit)
        return QStringLiteral("took %1 ids over the limit of %2").arg(result.ids.size()).arg(limit);
    QSet<QString> seen;
    for (const QString &id : result.ids) {
        if (!TaskId::isValid(id))
            return QStringLiteral("took an invalid id: ") + id.left(100);
        if (known.contains(id))
            return QStringLiteral("took an id already watched: ") + id;
        if (seen.contains(id))
            return QStringLiteral("took an id twice: ") + id;
        seen.insert(id);
    }
    for (const QString &id : result.duplicates) {
        if (!TaskId::isValid(id) || (!known.contains(id) && !seen.contains(id)))
            return QStringLiteral("a duplicate that is neither known nor taken: ") + id.left(100);
    }
    for (const TaskId::RejectedId &rejected : result.rejected) {
        if (rejected.reason.isEmpty())
            return QStringLiteral("a rejection without a reason: ") + rejected.text.left(100);
        if (rejected.text.size() > 81)
            return QStringLiteral("a rejected id is shown with %1 characters").arg(rejected.text.size());
    }
    // What was taken, pasted again one per line, is taken whole and unchanged.
    const TaskId::PastedIds again = TaskId::parsePasted(result.ids.join(u'\n'), {}, limit);
    if (again.ids != result.ids || !again.rejected.isEmpty() || !again.duplicates.isEmpty())
        return QStringLiteral("pasting the accepted ids again does not give the same ids");
    return {};
}

QString idFilter(const QByteArray &data)
{
    const QList<ApiVersion> &versions = ApiVersions::all();
    const ApiVersion version = data.isEmpty() ? ApiVersion::V2025 : versions.at(uchar(data[0]) % versions.size());
    const QStringList candidates = QString::fromUtf8(data.mid(1)).split(u'\n');
    QStringList valid;
    for (const QString &candidate : candidates) {
        if (TaskId::isValid(candidate))
            valid.append(candidate);
    }

    const QString filter = ApiRoutes::idInFilter(candidates);
    const std::optional<QStringList> parsed = parseIdInFilter(filter);
    if (!parsed)
        return QStringLiteral("the filter does not parse: ") + filter.left(200);
    if (*parsed != valid)
        return QStringLiteral("the filter holds other ids than the valid candidates: ") + filter.left(200);

    // What the tenant receives: the filter as it comes out of the URL.
    const QUrl base(QStringLiteral("https://acme.api.identitynow.com"));
    ApiRoutes::ListQuery query;
    query.filters = filter;
    const QUrl url = ApiRoutes::listUrl(base, version, query);
    const QUrl received = QUrl::fromEncoded(url.toEncoded());
    const QString sent = QUrlQuery(received).queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded);
    const std::optional<QStringList> parsedSent = parseIdInFilter(sent);
    if (!parsedSent || *parsedSent != valid)
        return QStringLiteral("the filter read back from the URL differs: ") + sent.left(200);

    const QList<QStringList> batches = Batching::splitForList(valid, base, version);
    QStringList joined;
    for (const QStringList &batch : batches) {
        if (batch.isEmpty() || batch.size() > Batching::MaxIdsPerList)
            return QStringLiteral("a batch of %1 ids").arg(batch.size());
        const qsizetype length = Batching::listUrlLength(batch, base, version);
        if (length >= Batching::MaxUrlBytes)
            return QStringLiteral("a batch URL of %1 bytes").arg(length);
        joined += batch;
    }
    if (joined != valid)
        return QStringLiteral("the batches do not hold exactly the valid ids in order");
    return {};
}

} // namespace FuzzChecks
