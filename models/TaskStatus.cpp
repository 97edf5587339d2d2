#include "TaskStatus.h"

#include "JsonRead.h"
#include "JsonSlices.h"

#include <QJsonDocument>

#include <cmath>

using namespace JsonRead;

namespace {

// The message types: as the API spells them and as people read them, in one table.
struct MessageTypeText
{
    TaskMessage::Type type;
    const char *apiName;
    const char *label;
};

constexpr MessageTypeText MessageTypeTexts[] = {
        {TaskMessage::Type::Info, "INFO", QT_TRANSLATE_NOOP("TaskMessage", "Info")},
        {TaskMessage::Type::Warn, "WARN", QT_TRANSLATE_NOOP("TaskMessage", "Warning")},
        {TaskMessage::Type::Error, "ERROR", QT_TRANSLATE_NOOP("TaskMessage", "Error")},
};

const MessageTypeText *messageTypeText(TaskMessage::Type type)
{
    for (const MessageTypeText &text : MessageTypeTexts) {
        if (text.type == type)
            return &text;
    }
    return nullptr;
}

TaskMessage::Type messageTypeFromString(const QString &text)
{
    const QString upper = text.trimmed().toUpper();
    if (upper == u"WARNING") // older tenants spell it out
        return TaskMessage::Type::Warn;
    for (const MessageTypeText &known : MessageTypeTexts) {
        if (upper == QLatin1String(known.apiName))
            return known.type;
    }
    return TaskMessage::Type::Unknown;
}

TaskMessage parseMessage(const QJsonObject &object, const QString &path)
{
    TaskMessage message;
    message.typeRaw = sharedString(object, QStringLiteral("type"), path);
    message.type = messageTypeFromString(message.typeRaw);
    if (const auto text = optObject(object, QStringLiteral("localizedText"), path)) {
        const QString textPath = join(path, QStringLiteral("localizedText"));
        message.localizedText = LocalizedText {sharedString(*text, QStringLiteral("locale"), textPath),
                                               sharedString(*text, QStringLiteral("message"), textPath)};
    }
    message.key = sharedString(object, QStringLiteral("key"), path);
    message.parameters = optArray(object, QStringLiteral("parameters"), path);
    return message;
}

TaskTarget parseTarget(const QJsonObject &object, const QString &path)
{
    return TaskTarget {sharedString(object, QStringLiteral("id"), path),
                       sharedString(object, QStringLiteral("type"), path),
                       sharedString(object, QStringLiteral("name"), path)};
}

TaskDefinitionSummary parseDefinition(const QJsonObject &object, const QString &path)
{
    TaskDefinitionSummary summary;
    summary.id = sharedString(object, QStringLiteral("id"), path);
    summary.uniqueName = sharedString(object, QStringLiteral("uniqueName"), path);
    summary.description = sharedString(object, QStringLiteral("description"), path);
    summary.parentName = sharedString(object, QStringLiteral("parentName"), path);
    summary.executor = sharedString(object, QStringLiteral("executor"), path);
    (void)optObject(object, QStringLiteral("arguments"), path); // checked here, read by definitionArguments()
    return summary;
}

// `raw`: the object's own bytes, compact (a list's element, JsonSlices); empty: written from the tree.
TaskStatus parseStatus(const QJsonObject &object, QByteArray raw = {})
{
    const QString root;
    TaskStatus status;

    const QJsonValue id = object.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty())
        fail(QStringLiteral("id"),
             id.isString() ? QStringLiteral("is empty")
                           : QStringLiteral("expected a string, got %1").arg(typeName(id)));
    status.id = id.toString();
    status.type = sharedString(object, QStringLiteral("type"), root);
    status.uniqueName = sharedString(object, QStringLiteral("uniqueName"), root);
    status.description = sharedString(object, QStringLiteral("description"), root);
    status.parentName = sharedString(object, QStringLiteral("parentName"), root);
    status.launcher = sharedString(object, QStringLiteral("launcher"), root);
    if (const auto target = optObject(object, QStringLiteral("target"), root))
        status.target = parseTarget(*target, QStringLiteral("target"));
    status.created = optDateTime(object, QStringLiteral("created"), root).value_or(QDateTime());
    status.modified = optDateTime(object, QStringLiteral("modified"), root).value_or(QDateTime());
    status.launched = optDateTime(object, QStringLiteral("launched"), root).value_or(QDateTime());
    status.completed = optDateTime(object, QStringLiteral("completed"), root).value_or(QDateTime());

    if (const auto completion = optString(object, QStringLiteral("completionStatus"), root)) {
        status.completionStatusRaw = *completion;
        status.completionStatus =
                completion->trimmed().isEmpty() ? CompletionStatus::None : completionStatusFromString(*completion);
    }

    if (const auto messages = optArray(object, QStringLiteral("messages"), root)) {
        for (qsizetype i = 0; i < messages->size(); ++i) {
            const QString path = join(QStringLiteral("messages"), i);
            status.messages.append(parseMessage(objectAt(*messages, i, QStringLiteral("messages")), path));
        }
    }
    if (const auto returns = optArray(object, QStringLiteral("returns"), root)) {
        for (qsizetype i = 0; i < returns->size(); ++i) {
            const QString path = join(QStringLiteral("returns"), i);
            const QJsonObject entry = objectAt(*returns, i, QStringLiteral("returns"));
            status.returns.append(TaskReturn {sharedString(entry, QStringLiteral("name"), path),
                                              sharedString(entry, QStringLiteral("attributeName"), path)});
        }
    }
    (void)optObject(object, QStringLiteral("attributes"), root); // checked here, read by attributes()
    status.progress = optString(object, QStringLiteral("progress"), root);

    if (const auto percent = optNumber(object, QStringLiteral("percentComplete"), root)) {
        if (!std::isfinite(*percent))
            fail(QStringLiteral("percentComplete"), QStringLiteral("is not a finite number"));
        const double rounded = std::round(*percent);
        const double clamped = std::clamp(rounded, 0.0, 100.0);
        if (clamped != rounded)
            status.notes.append(QStringLiteral("percentComplete %1 was out of range and is shown as %2")
                                        .arg(*percent)
                                        .arg(clamped));
        status.percentComplete = static_cast<int>(clamped);
    }
    if (const auto definition = optObject(object, QStringLiteral("taskDefinitionSummary"), root))
        status.taskDefinitionSummary = parseDefinition(*definition, QStringLiteral("taskDefinitionSummary"));

    if (status.completionStatus == CompletionStatus::Unknown)
        status.notes.append(QStringLiteral("unrecognised completionStatus \"%1\"").arg(status.completionStatusRaw));
    status.rawJson = raw.isEmpty() ? QJsonDocument(object).toJson(QJsonDocument::Compact) : std::move(raw);
    return status;
}

Parsed<TaskStatus> parseChecked(const QJsonObject &object, QByteArray raw)
{
    try {
        return parseStatus(object, std::move(raw));
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace

QString TaskMessage::text() const
{
    if (localizedText && !localizedText->message.isEmpty())
        return localizedText->message;
    return key;
}

QString TaskMessage::parametersText() const
{
    return parameters ? messageParametersText(*parameters) : QString();
}

QString TaskMessage::typeName() const
{
    const MessageTypeText *known = messageTypeText(type);
    return known ? QString::fromLatin1(known->apiName) : typeRaw;
}

QString TaskMessage::typeLabel(TextLanguage language) const
{
    const MessageTypeText *known = messageTypeText(type);
    return known ? textIn(language, "TaskMessage", known->label) : typeRaw;
}

QString ReturnValue::valueText() const
{
    return value.isUndefined() ? QStringLiteral("—") : jsonValueText(value);
}

TaskState TaskStatus::state() const
{
    switch (completionStatus) {
    case CompletionStatus::None:
        return launched.isValid() ? TaskState::Running : TaskState::Queued;
    case CompletionStatus::Success:
        return TaskState::Success;
    case CompletionStatus::Warning:
        return TaskState::Warning;
    case CompletionStatus::Error:
        return TaskState::Error;
    case CompletionStatus::Terminated:
        return TaskState::Terminated;
    case CompletionStatus::TempError:
        return TaskState::TempError;
    case CompletionStatus::Unknown:
        break;
    }
    return TaskState::Unknown;
}

QJsonObject TaskStatus::raw() const
{
    return QJsonDocument::fromJson(rawJson).object();
}

QJsonObject TaskStatus::attributes() const
{
    return raw().value(QLatin1String("attributes")).toObject();
}

QJsonObject TaskStatus::definitionArguments() const
{
    return raw().value(QLatin1String("taskDefinitionSummary")).toObject().value(QLatin1String("arguments")).toObject();
}

QList<ReturnValue> TaskStatus::returnValues() const
{
    QList<ReturnValue> values;
    if (returns.isEmpty())
        return values;
    const QJsonObject attributes = this->attributes();
    values.reserve(returns.size());
    for (const TaskReturn &entry : returns)
        values.append(ReturnValue {entry.name, entry.attributeName, attributes.value(entry.attributeName)});
    return values;
}

Parsed<TaskStatus> TaskStatus::fromJson(const QJsonObject &object)
{
    return parseChecked(object, {});
}

Parsed<TaskStatus> TaskStatus::fromJson(const QByteArray &body)
{
    const Parsed<QJsonValue> document = parseJsonDocument(body);
    if (!document)
        return document.error();
    if (!document->isObject())
        return ParseError {{}, QStringLiteral("expected a JSON object, got %1").arg(typeName(*document))};
    // Its own bytes as its raw JSON, as a list's elements keep theirs: read again, a status is the same status.
    const std::optional<QList<QByteArray>> raw = JsonSlices::arrayElements('[' + body + ']');
    const bool keep = raw && raw->size() == 1 && JsonSlices::isKeepableObject(raw->first());
    return parseChecked(document->toObject(), keep ? raw->first() : QByteArray());
}

Parsed<QList<TaskStatus>> TaskStatus::listFromJson(const QByteArray &body)
{
    const Parsed<QJsonValue> document = parseJsonDocument(body);
    if (!document)
        return document.error();
    if (!document->isArray())
        return ParseError {{}, QStringLiteral("expected a JSON array, got %1").arg(typeName(*document))};
    const QJsonArray array = document->toArray();
    // Each status keeps its element's own bytes as its raw JSON: writing 250 trees out again cost more than
    // reading them.
    std::optional<QList<QByteArray>> raw = JsonSlices::arrayElements(body);
    if (raw && raw->size() != array.size())
        raw.reset();
    QList<TaskStatus> statuses;
    statuses.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isObject())
            return ParseError {join(QString(), i), QStringLiteral("expected an object, got %1").arg(typeName(item))};
        const bool keep = raw && JsonSlices::isKeepableObject((*raw)[i]);
        Parsed<TaskStatus> status = parseChecked(item.toObject(), keep ? std::move((*raw)[i]) : QByteArray());
        if (!status)
            return ParseError {join(QString(), i) + u'.' + status.error().field, status.error().reason};
        statuses.append(std::move(status.value()));
    }
    return statuses;
}

Parsed<QJsonValue> parseJsonDocument(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return ParseError {{}, QStringLiteral("the body is empty")};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return ParseError {{},
                           QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString())};
    if (document.isObject())
        return QJsonValue(document.object());
    return QJsonValue(document.array());
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString messageParametersText(const QJsonArray &parameters)
{
    QStringList parts;
    for (const QJsonValue &parameter : parameters) {
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
