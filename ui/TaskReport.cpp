#include "TaskReport.h"

#include "Formatting.h"
#include "ReportFields.h"
#include "ReportMarkdown.h"
#include "ReportPlainText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

const QString Redacted = QStringLiteral("[redacted]");

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return QJsonObject {{QStringLiteral("utc"), Formatting::isoUtc(time)},
                        {QStringLiteral("local"), Formatting::isoLocal(time)}};
}

QJsonValue secondsValue(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return QJsonValue::Null;
    return double(std::max<qint64>(0, from.secsTo(to)));
}

QString problemKindText(FetchProblem::Kind kind)
{
    switch (kind) {
    case FetchProblem::Kind::None:
        return QStringLiteral("none");
    case FetchProblem::Kind::NotFound:
        return QStringLiteral("not found");
    case FetchProblem::Kind::Fetch:
        return QStringLiteral("fetch error");
    case FetchProblem::Kind::Auth:
        break;
    }
    return QStringLiteral("authentication error");
}

QJsonObject problemObject(const FetchProblem &problem)
{
    return QJsonObject {{QStringLiteral("kind"), problemKindText(problem.kind)},
                        {QStringLiteral("message"), problem.message},
                        {QStringLiteral("httpStatus"), problem.httpStatus},
                        {QStringLiteral("trackingId"), optionalText(problem.trackingId)},
                        // The tenant's own words beside ours, when ours explain them (a 403, a task's 404).
                        {QStringLiteral("serverText"), optionalText(problem.serverText)}};
}

QJsonObject taskObject(const WatchedTask &task)
{
    QJsonObject object {{QStringLiteral("id"), task.id},
                        {QStringLiteral("name"), task.displayName()},
                        {QStringLiteral("label"), optionalText(task.label)},
                        {QStringLiteral("displayState"), displayStateName(task.displayState())},
                        {QStringLiteral("profile"), optionalText(task.profile)},
                        {QStringLiteral("paused"), task.paused}};
    if (!task.status)
        return object;
    const TaskStatus &status = *task.status;
    object.insert(QStringLiteral("uniqueName"), status.uniqueName);
    object.insert(QStringLiteral("description"), status.description);
    object.insert(QStringLiteral("type"), status.type);
    object.insert(QStringLiteral("parentName"), optionalText(status.parentName));
    object.insert(QStringLiteral("launcher"), status.launcher);
    object.insert(QStringLiteral("completionStatus"), optionalText(status.completionStatusRaw));
    object.insert(QStringLiteral("progress"), status.progress ? QJsonValue(*status.progress) : QJsonValue());
    object.insert(QStringLiteral("percentComplete"),
                  status.percentComplete ? QJsonValue(*status.percentComplete) : QJsonValue());
    if (status.target) {
        object.insert(QStringLiteral("target"),
                      QJsonObject {{QStringLiteral("id"), status.target->id},
                                   {QStringLiteral("type"), optionalText(status.target->type)},
                                   {QStringLiteral("name"), status.target->name}});
    } else {
        object.insert(QStringLiteral("target"), QJsonValue::Null);
    }
    return object;
}

QJsonObject timesObject(const WatchedTask &task)
{
    const TaskStatus *status = task.status ? &*task.status : nullptr;
    return QJsonObject {
            {QStringLiteral("created"), timeValue(status ? status->created : QDateTime())},
            {QStringLiteral("launched"), timeValue(status ? status->launched : QDateTime())},
            {QStringLiteral("completed"), timeValue(status ? status->completed : QDateTime())},
            {QStringLiteral("modified"), timeValue(status ? status->modified : QDateTime())},
            {QStringLiteral("addedToWatch"), timeValue(task.addedAt)},
            {QStringLiteral("lastChecked"), timeValue(task.checkedAt)},
            {QStringLiteral("nextCheck"), timeValue(task.nextCheckAt)},
    };
}

QJsonObject durationsObject(const WatchedTask &task, const QDateTime &now, std::optional<qint64> eta)
{
    QJsonObject object {{QStringLiteral("queuedSeconds"), QJsonValue::Null},
                        {QStringLiteral("runSeconds"), QJsonValue::Null},
                        {QStringLiteral("etaSeconds"), eta ? QJsonValue(double(*eta)) : QJsonValue()}};
    if (!task.status)
        return object;
    const TaskStatus &status = *task.status;
    object.insert(QStringLiteral("queuedSeconds"), secondsValue(status.created, status.launched));
    const bool running = status.state() == TaskState::Running;
    object.insert(QStringLiteral("runSeconds"), secondsValue(status.launched, running ? now : status.completed));
    object.insert(QStringLiteral("stillRunning"), running);
    return object;
}

QJsonArray messagesArray(const TaskStatus &status)
{
    QJsonArray array;
    for (const TaskMessage &message : status.messages) {
        array.append(QJsonObject {
                {QStringLiteral("type"), message.typeName()},
                {QStringLiteral("text"), message.text()},
                {QStringLiteral("key"), message.key},
                {QStringLiteral("locale"),
                 message.localizedText ? optionalText(message.localizedText->locale) : QJsonValue()},
                {QStringLiteral("parameters"), message.parameters ? QJsonValue(*message.parameters) : QJsonValue()}});
    }
    return array;
}

QJsonArray returnsArray(const TaskStatus &status)
{
    QJsonArray array;
    for (const ReturnValue &value : status.returnValues()) {
        array.append(QJsonObject {{QStringLiteral("name"), value.name},
                                  {QStringLiteral("attributeName"), value.attributeName},
                                  {QStringLiteral("value"), value.value.isUndefined() ? QJsonValue() : value.value}});
    }
    return array;
}

QJsonValue definitionValue(const TaskStatus &status)
{
    if (!status.taskDefinitionSummary)
        return QJsonValue::Null;
    const TaskDefinitionSummary &definition = *status.taskDefinitionSummary;
    return QJsonObject {{QStringLiteral("id"), definition.id},
                        {QStringLiteral("uniqueName"), definition.uniqueName},
                        {QStringLiteral("description"), definition.description},
                        {QStringLiteral("parentName"), optionalText(definition.parentName)},
                        {QStringLiteral("executor"), definition.executor},
                        {QStringLiteral("arguments"), status.definitionArguments()}};
}

QJsonArray historyArray(const QList<HistoryEntry> &history)
{
    QJsonArray array;
    for (const HistoryEntry &entry : history) {
        QJsonObject object {{QStringLiteral("at"), timeValue(entry.at)},
                            {QStringLiteral("event"), entry.eventName(TextLanguage::English)},
                            {QStringLiteral("state"), displayStateName(entry.state)},
                            {QStringLiteral("percentComplete"),
                             entry.percentComplete ? QJsonValue(*entry.percentComplete) : QJsonValue()},
                            {QStringLiteral("detail"), entry.detailText(TextLanguage::English)}};
        if (!entry.problem.isNone())
            object.insert(QStringLiteral("problem"), problemObject(entry.problem));
        array.append(object);
    }
    return array;
}

QStringList collectTrackingIds(const WatchedTask &task, const QList<HistoryEntry> &history)
{
    QStringList ids;
    for (const HistoryEntry &entry : history) {
        if (!entry.problem.trackingId.isEmpty() && !ids.contains(entry.problem.trackingId))
            ids.append(entry.problem.trackingId);
    }
    if (!task.problem.trackingId.isEmpty() && !ids.contains(task.problem.trackingId))
        ids.append(task.problem.trackingId);
    return ids;
}

} // namespace

TaskReport::TaskReport(const WatchedTask &task, const QList<HistoryEntry> &history, const QDateTime &generatedAt,
                       std::optional<qint64> etaSeconds)
{
    QJsonObject document {
            {QStringLiteral("format"), QStringLiteral("taskwatch-task-report")},
            {QStringLiteral("formatVersion"), 1},
            {QStringLiteral("generatedAt"), timeValue(generatedAt)},
            {QStringLiteral("task"), taskObject(task)},
            {QStringLiteral("times"), timesObject(task)},
            {QStringLiteral("durations"), durationsObject(task, generatedAt, etaSeconds)},
            {QStringLiteral("history"), historyArray(history)},
            {QStringLiteral("trackingIds"), QJsonArray::fromStringList(collectTrackingIds(task, history))},
            {QStringLiteral("fetchProblem"),
             task.problem.isNone() ? QJsonValue() : QJsonValue(problemObject(task.problem))}};
    if (task.status) {
        const TaskStatus &status = *task.status;
        document.insert(QStringLiteral("messages"), messagesArray(status));
        document.insert(QStringLiteral("returns"), returnsArray(status));
        document.insert(QStringLiteral("attributes"), status.attributes());
        document.insert(QStringLiteral("taskDefinitionSummary"), definitionValue(status));
        document.insert(QStringLiteral("notes"), QJsonArray::fromStringList(status.notes));
        document.insert(QStringLiteral("raw"), status.raw());
    } else {
        document.insert(QStringLiteral("messages"), QJsonArray());
        document.insert(QStringLiteral("returns"), QJsonArray());
    }
    m_document = redactSecrets(document).toObject();
}

QByteArray TaskReport::toJsonBytes() const
{
    return QJsonDocument(m_document).toJson(QJsonDocument::Indented);
}

QStringList TaskReport::trackingIds() const
{
    return ReportFields::trackingIds(m_document);
}

QString TaskReport::toMarkdown() const
{
    return ReportMarkdown(m_document).text();
}

QString TaskReport::toPlainText() const
{
    return ReportPlainText(m_document).text();
}

QString TaskReport::suggestedFileName(const WatchedTask &task, const QString &suffix)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = task.displayName();
    name.replace(unsafe, QStringLiteral("-"));
    name = name.left(60);
    const QString base = name == task.id ? QString(QStringLiteral("taskwatch-") + task.id)
                                         : QString(QStringLiteral("taskwatch-") + name + u'-' + task.id);
    return base + u'.' + suffix;
}

bool TaskReport::isSecretKey(const QString &key)
{
    QString normalized = key.toLower();
    normalized.remove(u'_');
    normalized.remove(u'-');
    normalized.remove(u' ');
    static const QStringList fragments {
            QStringLiteral("password"),   QStringLiteral("passwd"),        QStringLiteral("secret"),
            QStringLiteral("token"),      QStringLiteral("authorization"), QStringLiteral("apikey"),
            QStringLiteral("credential"), QStringLiteral("privatekey"),    QStringLiteral("cookie")};
    return std::any_of(fragments.begin(), fragments.end(),
                       [&normalized](const QString &fragment) { return normalized.contains(fragment); });
}

QString TaskReport::redactText(const QString &text)
{
    static const QRegularExpression header(
            QStringLiteral(R"((?i)\b((?:proxy-)?authorization)\s*([:=])\s*(?:(?:bearer|basic|token)\s+)?[^\s,;"']+)"));
    static const QRegularExpression bearer(QStringLiteral(R"((?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*)"));
    static const QRegularExpression jwt(QStringLiteral(R"(\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"));
    static const QRegularExpression assignment(QStringLiteral(
            R"((?i)\b(client_secret|access_token|refresh_token|id_token|password|api_key|apikey)\s*([=:])\s*[^\s&,;"']+)"));
    if (text.isEmpty())
        return text;
    QString result = text;
    result.replace(header, QStringLiteral("\\1\\2 [redacted]"));
    result.replace(bearer, QStringLiteral("Bearer [redacted]"));
    result.replace(jwt, QStringLiteral("[redacted token]"));
    result.replace(assignment, QStringLiteral("\\1\\2[redacted]"));
    return result;
}

QJsonValue TaskReport::redactSecrets(const QJsonValue &value)
{
    if (value.isString())
        return redactText(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(redactSecrets(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            const QJsonValue::Type type = it.value().type();
            const bool hidden = isSecretKey(it.key())
                    && (type == QJsonValue::String || type == QJsonValue::Object || type == QJsonValue::Array);
            object.insert(redactText(it.key()), hidden ? QJsonValue(Redacted) : redactSecrets(it.value()));
        }
        return object;
    }
    return value;
}
