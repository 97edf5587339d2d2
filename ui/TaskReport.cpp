#include "TaskReport.h"

#include "Formatting.h"

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

QString messageTypeText(const TaskMessage &message)
{
    switch (message.type) {
    case TaskMessage::Type::Info:
        return QStringLiteral("INFO");
    case TaskMessage::Type::Warn:
        return QStringLiteral("WARN");
    case TaskMessage::Type::Error:
        return QStringLiteral("ERROR");
    case TaskMessage::Type::Unknown:
        break;
    }
    return message.typeRaw;
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
                        {QStringLiteral("trackingId"), optionalText(problem.trackingId)}};
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
                {QStringLiteral("type"), messageTypeText(message)},
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
                            {QStringLiteral("event"), entry.eventName()},
                            {QStringLiteral("state"), displayStateName(entry.state)},
                            {QStringLiteral("percentComplete"),
                             entry.percentComplete ? QJsonValue(*entry.percentComplete) : QJsonValue()},
                            {QStringLiteral("detail"), entry.detailText()}};
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

// --- reading the document back for the text formats ---

QString str(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : (value.isDouble() ? jsonValueText(value) : QString());
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toObject().value(QStringLiteral("utc")).toString(), Qt::ISODateWithMs);
}

QString cell(QString text)
{
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

QString code(QString text)
{
    text.replace(u'`', u'\'');
    return text.isEmpty() ? QString() : QString(u'`' + text + u'`');
}

QString fenced(const QString &language, const QString &content)
{
    const QString fence = content.contains(QStringLiteral("```")) ? QStringLiteral("````") : QStringLiteral("```");
    return fence + language + u'\n' + content + (content.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + fence
            + u'\n';
}

QString indentedJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return jsonValueText(value);
}

QString parametersText(const QJsonValue &parameters)
{
    QStringList parts;
    for (const QJsonValue &parameter : parameters.toArray()) {
        if (parameter.isObject()) {
            const QJsonObject object = parameter.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                parts.append(it.key() + u'=' + jsonValueText(it.value()));
        } else {
            parts.append(jsonValueText(parameter));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString targetText(const QJsonValue &target)
{
    if (!target.isObject())
        return {};
    const QJsonObject object = target.toObject();
    QStringList details;
    if (!str(object, QStringLiteral("type")).isEmpty())
        details.append(str(object, QStringLiteral("type")));
    if (!str(object, QStringLiteral("id")).isEmpty())
        details.append(str(object, QStringLiteral("id")));
    const QString name = str(object, QStringLiteral("name"));
    return details.isEmpty() ? name : QString(name + QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')');
}

QString durationText(const QJsonValue &seconds)
{
    return seconds.isDouble() ? Formatting::duration(qint64(seconds.toDouble())) : QString();
}

QString problemText(const QJsonObject &problem)
{
    QString text = str(problem, QStringLiteral("message"));
    const int status = problem.value(QStringLiteral("httpStatus")).toInt();
    if (status > 0)
        text = QStringLiteral("HTTP %1: %2").arg(status).arg(text);
    const QString trackingId = str(problem, QStringLiteral("trackingId"));
    if (!trackingId.isEmpty())
        text += QStringLiteral(" (tracking id %1)").arg(trackingId);
    return text;
}

struct TimeRow
{
    const char *key;
    const char *label;
};

constexpr TimeRow TimeRows[] = {
        {"created", "Created"},      {"launched", "Launched"},           {"completed", "Completed"},
        {"modified", "Modified"},    {"addedToWatch", "Added to watch"}, {"lastChecked", "Last checked"},
        {"nextCheck", "Next check"},
};

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
    QStringList ids;
    for (const QJsonValue &id : m_document.value(QStringLiteral("trackingIds")).toArray())
        ids.append(id.toString());
    return ids;
}

QString TaskReport::toMarkdown() const
{
    const QJsonObject task = m_document.value(QStringLiteral("task")).toObject();
    const QJsonObject times = m_document.value(QStringLiteral("times")).toObject();
    const QJsonObject durations = m_document.value(QStringLiteral("durations")).toObject();
    const QDateTime generated = timeFrom(m_document.value(QStringLiteral("generatedAt")));
    QString md;

    md += QStringLiteral("# Taskwatch task report: %1\n\n").arg(str(task, QStringLiteral("name")));
    md += QStringLiteral("Generated %1 (local %2).\n\n")
                  .arg(Formatting::utcTime(generated), Formatting::localTime(generated));

    md += QStringLiteral("## Task\n\n| Field | Value |\n|---|---|\n");
    const auto row = [&md](const QString &label, const QString &value) {
        if (!value.isEmpty())
            md += QStringLiteral("| %1 | %2 |\n").arg(label, cell(value));
    };
    row(QStringLiteral("Name"), str(task, QStringLiteral("name")));
    row(QStringLiteral("Label"), str(task, QStringLiteral("label")));
    row(QStringLiteral("State"), str(task, QStringLiteral("displayState")));
    row(QStringLiteral("Completion status"), str(task, QStringLiteral("completionStatus")));
    row(QStringLiteral("Task id"), code(str(task, QStringLiteral("id"))));
    row(QStringLiteral("Type"), str(task, QStringLiteral("type")));
    row(QStringLiteral("Unique name"), str(task, QStringLiteral("uniqueName")));
    row(QStringLiteral("Description"), str(task, QStringLiteral("description")));
    row(QStringLiteral("Parent"), str(task, QStringLiteral("parentName")));
    row(QStringLiteral("Launcher"), str(task, QStringLiteral("launcher")));
    row(QStringLiteral("Target"), targetText(task.value(QStringLiteral("target"))));
    row(QStringLiteral("Progress"), str(task, QStringLiteral("progress")));
    const QJsonValue percent = task.value(QStringLiteral("percentComplete"));
    row(QStringLiteral("Percent complete"),
        percent.isDouble() ? QStringLiteral("%1 %").arg(percent.toInt()) : QString());
    row(QStringLiteral("Profile"), str(task, QStringLiteral("profile")));
    row(QStringLiteral("Watching paused"),
        task.value(QStringLiteral("paused")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"));

    md += QStringLiteral("\n## Times\n\n| Event | UTC | Local |\n|---|---|---|\n");
    for (const TimeRow &time : TimeRows) {
        const QDateTime at = timeFrom(times.value(QLatin1String(time.key)));
        if (at.isValid())
            md += QStringLiteral("| %1 | %2 | %3 |\n")
                          .arg(QLatin1String(time.label), Formatting::utcTime(at), Formatting::localTime(at));
    }

    md += QStringLiteral("\n## Durations\n\n");
    const QString queued = durationText(durations.value(QStringLiteral("queuedSeconds")));
    const QString ran = durationText(durations.value(QStringLiteral("runSeconds")));
    const QString eta = durationText(durations.value(QStringLiteral("etaSeconds")));
    if (!queued.isEmpty())
        md += QStringLiteral("- Waited before launch: %1\n").arg(queued);
    if (!ran.isEmpty())
        md += (durations.value(QStringLiteral("stillRunning")).toBool() ? QStringLiteral("- Running for: %1\n")
                                                                        : QStringLiteral("- Ran for: %1\n"))
                      .arg(ran);
    if (!eta.isEmpty())
        md += QStringLiteral("- Estimated time left: %1\n").arg(eta);
    if (queued.isEmpty() && ran.isEmpty() && eta.isEmpty())
        md += QStringLiteral("- Not launched yet\n");

    const QJsonArray messages = m_document.value(QStringLiteral("messages")).toArray();
    md += QStringLiteral("\n## Messages (%1)\n\n").arg(messages.size());
    if (!messages.isEmpty()) {
        md += QStringLiteral("| Type | Message | Key | Parameters |\n|---|---|---|---|\n");
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                          .arg(cell(str(message, QStringLiteral("type"))), cell(str(message, QStringLiteral("text"))),
                               cell(code(str(message, QStringLiteral("key")))),
                               cell(parametersText(message.value(QStringLiteral("parameters")))));
        }
    }

    const QJsonArray returns = m_document.value(QStringLiteral("returns")).toArray();
    md += QStringLiteral("\n## Returns (%1)\n\n").arg(returns.size());
    if (!returns.isEmpty()) {
        md += QStringLiteral("| Name | Value | Attribute |\n|---|---|---|\n");
        for (const QJsonValue &value : returns) {
            const QJsonObject entry = value.toObject();
            const QJsonValue returned = entry.value(QStringLiteral("value"));
            md += QStringLiteral("| %1 | %2 | %3 |\n")
                          .arg(cell(str(entry, QStringLiteral("name"))),
                               cell(returned.isNull() ? QStringLiteral("—") : jsonValueText(returned)),
                               cell(code(str(entry, QStringLiteral("attributeName")))));
        }
    }

    md += QStringLiteral("\n## API errors\n\n");
    const QJsonValue problem = m_document.value(QStringLiteral("fetchProblem"));
    if (problem.isObject())
        md += QStringLiteral("- Last fetch failed: %1\n").arg(problemText(problem.toObject()));
    const QStringList ids = trackingIds();
    if (!ids.isEmpty()) {
        QStringList codes;
        for (const QString &id : ids)
            codes.append(code(id));
        md += QStringLiteral("- SailPoint tracking ids: %1\n").arg(codes.join(QStringLiteral(", ")));
    }
    if (!problem.isObject() && ids.isEmpty())
        md += QStringLiteral("- None seen during this watch\n");

    const QJsonArray history = m_document.value(QStringLiteral("history")).toArray();
    md += QStringLiteral("\n## History seen by Taskwatch (%1)\n\n").arg(history.size());
    if (!history.isEmpty()) {
        md += QStringLiteral("| UTC | Local | Event | State | Detail |\n|---|---|---|---|---|\n");
        for (const QJsonValue &value : history) {
            const QJsonObject entry = value.toObject();
            const QDateTime at = timeFrom(entry.value(QStringLiteral("at")));
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                          .arg(Formatting::utcTime(at), Formatting::localTime(at),
                               cell(str(entry, QStringLiteral("event"))), cell(str(entry, QStringLiteral("state"))),
                               cell(str(entry, QStringLiteral("detail"))));
        }
    }

    const QJsonValue definition = m_document.value(QStringLiteral("taskDefinitionSummary"));
    if (definition.isObject()) {
        const QJsonObject summary = definition.toObject();
        md += QStringLiteral("\n## Task definition\n\n| Field | Value |\n|---|---|\n");
        row(QStringLiteral("Id"), code(str(summary, QStringLiteral("id"))));
        row(QStringLiteral("Unique name"), str(summary, QStringLiteral("uniqueName")));
        row(QStringLiteral("Description"), str(summary, QStringLiteral("description")));
        row(QStringLiteral("Parent"), str(summary, QStringLiteral("parentName")));
        row(QStringLiteral("Executor"), str(summary, QStringLiteral("executor")));
        md += QStringLiteral("\nArguments:\n\n")
                + fenced(QStringLiteral("json"), indentedJson(summary.value(QStringLiteral("arguments"))));
    }

    const QJsonArray notes = m_document.value(QStringLiteral("notes")).toArray();
    if (!notes.isEmpty()) {
        md += QStringLiteral("\n## Parsing notes\n\n");
        for (const QJsonValue &note : notes)
            md += QStringLiteral("- %1\n").arg(note.toString());
    }

    if (m_document.contains(QStringLiteral("attributes")))
        md += QStringLiteral("\n## Attributes\n\n")
                + fenced(QStringLiteral("json"), indentedJson(m_document.value(QStringLiteral("attributes"))));
    if (m_document.contains(QStringLiteral("raw")))
        md += QStringLiteral("\n## Raw task status\n\n")
                + fenced(QStringLiteral("json"), indentedJson(m_document.value(QStringLiteral("raw"))));
    return md;
}

QString TaskReport::toPlainText() const
{
    const QJsonObject task = m_document.value(QStringLiteral("task")).toObject();
    const QJsonObject times = m_document.value(QStringLiteral("times")).toObject();
    const QJsonObject durations = m_document.value(QStringLiteral("durations")).toObject();
    QString text;
    const auto line = [&text](const QString &label, const QString &value) {
        if (!value.isEmpty())
            text += label + QStringLiteral(": ") + value + u'\n';
    };
    line(QStringLiteral("Name"), str(task, QStringLiteral("name")));
    line(QStringLiteral("State"), str(task, QStringLiteral("displayState")));
    line(QStringLiteral("Task id"), str(task, QStringLiteral("id")));
    line(QStringLiteral("Type"), str(task, QStringLiteral("type")));
    line(QStringLiteral("Description"), str(task, QStringLiteral("description")));
    line(QStringLiteral("Launcher"), str(task, QStringLiteral("launcher")));
    line(QStringLiteral("Target"), targetText(task.value(QStringLiteral("target"))));
    for (const TimeRow &time : TimeRows) {
        const QDateTime at = timeFrom(times.value(QLatin1String(time.key)));
        if (at.isValid())
            line(QLatin1String(time.label),
                 QStringLiteral("%1 (%2)").arg(Formatting::localTime(at), Formatting::utcTime(at)));
    }
    line(QStringLiteral("Duration"), durationText(durations.value(QStringLiteral("runSeconds"))));
    const QJsonValue percent = task.value(QStringLiteral("percentComplete"));
    line(QStringLiteral("Percent complete"),
         percent.isDouble() ? QStringLiteral("%1 %").arg(percent.toInt()) : QString());
    line(QStringLiteral("Progress"), str(task, QStringLiteral("progress")));

    const QJsonArray messages = m_document.value(QStringLiteral("messages")).toArray();
    if (!messages.isEmpty()) {
        text += QStringLiteral("Messages:\n");
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            text += QStringLiteral("  [%1] %2")
                            .arg(str(message, QStringLiteral("type")), str(message, QStringLiteral("text")));
            const QString parameters = parametersText(message.value(QStringLiteral("parameters")));
            if (!parameters.isEmpty())
                text += QStringLiteral(" (%1)").arg(parameters);
            text += u'\n';
        }
    }
    const QJsonArray returns = m_document.value(QStringLiteral("returns")).toArray();
    if (!returns.isEmpty()) {
        text += QStringLiteral("Returns:\n");
        for (const QJsonValue &value : returns) {
            const QJsonObject entry = value.toObject();
            const QJsonValue returned = entry.value(QStringLiteral("value"));
            text += QStringLiteral("  %1: %2\n")
                            .arg(str(entry, QStringLiteral("name")),
                                 returned.isNull() ? QStringLiteral("—") : jsonValueText(returned));
        }
    }
    const QJsonValue problem = m_document.value(QStringLiteral("fetchProblem"));
    if (problem.isObject())
        line(QStringLiteral("Last fetch error"), problemText(problem.toObject()));
    line(QStringLiteral("Tracking ids"), trackingIds().join(QStringLiteral(", ")));
    return text;
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
