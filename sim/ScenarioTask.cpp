#include "ScenarioTask.h"

#include "models/JsonRead.h"
#include "models/TaskId.h"
#include "models/TaskStatus.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

using JsonRead::fail;
using JsonRead::join;
using JsonRead::typeName;

namespace {

const QStringList &statusTypes()
{
    static const QStringList types = {QStringLiteral("QUARTZ"), QStringLiteral("QPOC"), QStringLiteral("QUEUED_TASK")};
    return types;
}

const QSet<QString> &knownKeys()
{
    static const QSet<QString> keys = {
            QStringLiteral("id"),         QStringLiteral("name"),         QStringLiteral("type"),
            QStringLiteral("statusType"), QStringLiteral("description"),  QStringLiteral("parentName"),
            QStringLiteral("launcher"),   QStringLiteral("target"),       QStringLiteral("sourceId"),
            QStringLiteral("createdAgo"), QStringLiteral("startDelay"),   QStringLiteral("duration"),
            QStringLiteral("outcome"),    QStringLiteral("finalPercent"), QStringLiteral("messages"),
            QStringLiteral("returns"),    QStringLiteral("attributes"),   QStringLiteral("progress"),
            QStringLiteral("stuckAt"),    QStringLiteral("stuckFor"),
    };
    return keys;
}

QString requireString(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        fail(join(path, key), QStringLiteral("expected a string, got %1").arg(typeName(value)));
    return value.toString();
}

std::optional<QString> optionalString(const QJsonObject &object, const QString &key)
{
    if (!object.contains(key))
        return std::nullopt;
    return requireString(object, key, {});
}

double seconds(const QJsonObject &object, const QString &key, double fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    constexpr double tenYears = 10 * 365.25 * 86400;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0 || value.toDouble() > tenYears)
        fail(key,
             QStringLiteral("expected a number of seconds from 0 to %1, got %2")
                     .arg(qint64(tenYears))
                     .arg(value.isDouble() ? QString::number(value.toDouble()) : typeName(value)));
    return value.toDouble();
}

std::optional<SimTarget> readTarget(const QJsonValue &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.isString()) {
        if (value.toString().trimmed().isEmpty())
            fail(QStringLiteral("target"), QStringLiteral("is empty"));
        return SimTarget {QString(), QStringLiteral("APPLICATION"), value.toString()};
    }
    if (!value.isObject())
        fail(QStringLiteral("target"),
             QStringLiteral("expected a source name, an object or null, got %1").arg(typeName(value)));
    const QJsonObject object = value.toObject();
    const QString path = QStringLiteral("target");
    SimTarget target;
    target.id = JsonRead::string(object, QStringLiteral("id"), path);
    target.name = JsonRead::string(object, QStringLiteral("name"), path);
    target.type = JsonRead::string(object, QStringLiteral("type"), path);
    if (!target.type.isEmpty() && target.type != u"APPLICATION" && target.type != u"IDENTITY")
        fail(QStringLiteral("target.type"),
             QStringLiteral("expected APPLICATION, IDENTITY or null, got \"%1\"").arg(target.type));
    return target;
}

QJsonObject readMessage(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(path, QStringLiteral("expected an object, got %1").arg(typeName(value)));
    const QJsonObject entry = value.toObject();
    const QString type = requireString(entry, QStringLiteral("type"), path).toUpper();
    if (type != u"INFO" && type != u"WARN" && type != u"ERROR")
        fail(join(path, QStringLiteral("type")), QStringLiteral("expected INFO, WARN or ERROR, got \"%1\"").arg(type));

    QJsonValue localized = QJsonValue::Null;
    if (entry.contains(QStringLiteral("text"))) {
        localized = QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")},
                                 {QStringLiteral("message"), requireString(entry, QStringLiteral("text"), path)}};
    } else if (entry.contains(QStringLiteral("localizedText"))
               && !entry.value(QStringLiteral("localizedText")).isNull()) {
        const QString textPath = join(path, QStringLiteral("localizedText"));
        const QJsonValue given = entry.value(QStringLiteral("localizedText"));
        if (!given.isObject())
            fail(textPath, QStringLiteral("expected an object or null, got %1").arg(typeName(given)));
        localized = QJsonObject {
                {QStringLiteral("locale"), requireString(given.toObject(), QStringLiteral("locale"), textPath)},
                {QStringLiteral("message"), requireString(given.toObject(), QStringLiteral("message"), textPath)}};
    }

    QJsonValue parameters = QJsonValue::Null;
    const QJsonValue givenParameters = entry.value(QStringLiteral("parameters"));
    if (!JsonRead::isAbsent(givenParameters)) {
        if (!givenParameters.isArray())
            fail(join(path, QStringLiteral("parameters")),
                 QStringLiteral("expected an array or null, got %1").arg(typeName(givenParameters)));
        const QJsonArray array = givenParameters.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject() && !array.at(i).isString())
                fail(join(join(path, QStringLiteral("parameters")), i),
                     QStringLiteral("expected an object or a string, got %1").arg(typeName(array.at(i))));
        }
        parameters = array;
    }
    const QString key =
            entry.contains(QStringLiteral("key")) ? requireString(entry, QStringLiteral("key"), path) : QString();
    return QJsonObject {{QStringLiteral("type"), type},
                        {QStringLiteral("localizedText"), localized},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("parameters"), parameters}};
}

QJsonArray readArray(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        fail(key, QStringLiteral("expected an array, got %1").arg(typeName(value)));
    return value.toArray();
}

ScenarioTask readTask(const QJsonObject &entry)
{
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (!knownKeys().contains(it.key()) && !it.key().startsWith(u'_'))
            fail(it.key(), QStringLiteral("is not a scenario field (see sim/README.md; prefix comments with \"_\")"));
    }
    ScenarioTask task;
    if (entry.contains(QStringLiteral("id"))) {
        task.id = requireString(entry, QStringLiteral("id"), {});
        const QString reason = TaskId::invalidReason(task.id);
        if (!reason.isEmpty())
            fail(QStringLiteral("id"), reason);
    }
    if (entry.contains(QStringLiteral("type"))) {
        const QString type = requireString(entry, QStringLiteral("type"), {}).trimmed();
        if (statusTypes().contains(type))
            task.statusType = type;
        else if (type.isEmpty())
            fail(QStringLiteral("type"), QStringLiteral("is empty"));
        else
            task.typeCode = type;
    }
    if (entry.contains(QStringLiteral("statusType"))) {
        task.statusType = requireString(entry, QStringLiteral("statusType"), {});
        if (!statusTypes().contains(task.statusType))
            fail(QStringLiteral("statusType"),
                 QStringLiteral("expected QUARTZ, QPOC or QUEUED_TASK, got \"%1\"").arg(task.statusType));
    }
    task.name = optionalString(entry, QStringLiteral("name")).value_or(QString());
    task.description = optionalString(entry, QStringLiteral("description"));
    if (entry.contains(QStringLiteral("parentName")))
        task.parentName = entry.value(QStringLiteral("parentName")).isNull()
                ? QString()
                : requireString(entry, QStringLiteral("parentName"), {});
    task.launcher = optionalString(entry, QStringLiteral("launcher"));
    if (entry.contains(QStringLiteral("target")))
        task.target = readTarget(entry.value(QStringLiteral("target")));
    task.sourceId = optionalString(entry, QStringLiteral("sourceId"));

    task.createdAgo = seconds(entry, QStringLiteral("createdAgo"), 0);
    task.startDelay = seconds(entry, QStringLiteral("startDelay"), 0);
    task.duration = seconds(entry, QStringLiteral("duration"), 60);

    if (entry.contains(QStringLiteral("outcome"))) {
        const QString outcome = requireString(entry, QStringLiteral("outcome"), {});
        task.outcome = completionStatusFromString(outcome);
        if (task.outcome == CompletionStatus::None || task.outcome == CompletionStatus::Unknown)
            fail(QStringLiteral("outcome"),
                 QStringLiteral("expected SUCCESS, WARNING, ERROR, TERMINATED or TEMPERROR, got \"%1\"").arg(outcome));
    }
    if (entry.contains(QStringLiteral("finalPercent"))) {
        const QJsonValue value = entry.value(QStringLiteral("finalPercent"));
        const double percent = value.toDouble(-1);
        if (!value.isDouble() || percent < 0 || percent > 100 || std::trunc(percent) != percent)
            fail(QStringLiteral("finalPercent"), QStringLiteral("expected an integer from 0 to 100"));
        task.finalPercent = static_cast<int>(percent);
    }
    if (entry.contains(QStringLiteral("stuckAt"))) {
        const QJsonValue value = entry.value(QStringLiteral("stuckAt"));
        const double percent = value.toDouble(-1);
        if (!value.isDouble() || percent < 0 || percent > 99 || std::trunc(percent) != percent)
            fail(QStringLiteral("stuckAt"), QStringLiteral("expected an integer from 0 to 99"));
        for (const char *key : {"outcome", "finalPercent"}) {
            if (entry.contains(QLatin1String(key)) && !entry.contains(QStringLiteral("stuckFor")))
                fail(QStringLiteral("stuckAt"),
                     QStringLiteral("a stuck task never finishes: leave out \"%1\"").arg(QLatin1String(key)));
        }
        task.stuckAt = static_cast<int>(percent);
    }
    if (entry.contains(QStringLiteral("stuckFor"))) {
        const double stuckFor = entry.value(QStringLiteral("stuckFor")).toDouble(-1);
        if (!entry.contains(QStringLiteral("stuckAt")))
            fail(QStringLiteral("stuckFor"), QStringLiteral("needs stuckAt: the percentage it is stuck at"));
        else if (stuckFor < 0)
            fail(QStringLiteral("stuckFor"), QStringLiteral("expected a number of seconds ≥ 0"));
        else
            task.stuckFor = stuckFor;
    }

    if (entry.contains(QStringLiteral("messages"))) {
        const QJsonArray given = readArray(entry, QStringLiteral("messages"));
        QJsonArray messages;
        for (qsizetype i = 0; i < given.size(); ++i)
            messages.append(readMessage(given.at(i), join(QStringLiteral("messages"), i)));
        task.messages = messages;
    }
    if (entry.contains(QStringLiteral("attributes"))) {
        const QJsonValue value = entry.value(QStringLiteral("attributes"));
        if (!value.isObject())
            fail(QStringLiteral("attributes"), QStringLiteral("expected an object, got %1").arg(typeName(value)));
        task.attributes = value.toObject();
    }
    if (entry.contains(QStringLiteral("returns"))) {
        const QJsonArray given = readArray(entry, QStringLiteral("returns"));
        QJsonArray returns;
        for (qsizetype i = 0; i < given.size(); ++i) {
            const QString path = join(QStringLiteral("returns"), i);
            if (!given.at(i).isObject())
                fail(path, QStringLiteral("expected an object, got %1").arg(typeName(given.at(i))));
            const QJsonObject item = given.at(i).toObject();
            const QString name = requireString(item, QStringLiteral("name"), path);
            const QString attributeName = requireString(item, QStringLiteral("attributeName"), path);
            if (!task.attributes || !task.attributes->contains(attributeName))
                fail(join(path, QStringLiteral("attributeName")),
                     QStringLiteral("\"%1\" is not a key of attributes; returns name values held in attributes")
                             .arg(attributeName));
            returns.append(
                    QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("attributeName"), attributeName}});
        }
        task.returns = returns;
    }
    if (entry.contains(QStringLiteral("progress"))) {
        const QJsonArray given = readArray(entry, QStringLiteral("progress"));
        QStringList progress;
        for (qsizetype i = 0; i < given.size(); ++i) {
            if (!given.at(i).isString())
                fail(join(QStringLiteral("progress"), i),
                     QStringLiteral("expected a string, got %1").arg(typeName(given.at(i))));
            progress.append(given.at(i).toString());
        }
        task.progress = progress;
    }
    return task;
}

} // namespace

Parsed<ScenarioTask> ScenarioTask::fromJson(const QJsonObject &entry)
{
    try {
        return readTask(entry);
    } catch (const JsonRead::Failure &failure) {
        return failure.error;
    }
}

Parsed<QList<ScenarioTask>> ScenarioTask::listFromJson(const QByteArray &document)
{
    const Parsed<QJsonValue> value = parseJsonDocument(document);
    if (!value)
        return value.error();
    QJsonArray entries;
    QString prefix;
    if (value->isArray()) {
        entries = value->toArray();
    } else if (value->toObject().value(QStringLiteral("tasks")).isArray()) {
        entries = value->toObject().value(QStringLiteral("tasks")).toArray();
        prefix = QStringLiteral("tasks");
    } else {
        return ParseError {{}, QStringLiteral("expected an array of tasks or an object with a \"tasks\" array")};
    }
    QList<ScenarioTask> tasks;
    QSet<QString> ids;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = join(prefix, i);
        if (!entries.at(i).isObject())
            return ParseError {path, QStringLiteral("expected an object, got %1").arg(typeName(entries.at(i)))};
        Parsed<ScenarioTask> task = fromJson(entries.at(i).toObject());
        if (!task)
            return ParseError {join(path, task.error().field), task.error().reason};
        if (!task->id.isEmpty() && ids.contains(task->id))
            return ParseError {join(path, QStringLiteral("id")), QStringLiteral("\"%1\" appears twice").arg(task->id)};
        ids.insert(task->id);
        tasks.append(task.value());
    }
    return tasks;
}

Parsed<QList<ScenarioTask>> ScenarioTask::listFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {{}, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return listFromJson(file.readAll());
}

QJsonObject ScenarioTask::toJson() const
{
    QJsonObject object {{QStringLiteral("createdAgo"), createdAgo},
                        {QStringLiteral("startDelay"), startDelay},
                        {QStringLiteral("duration"), duration}};
    // A task stuck for ever has no outcome (and fromJson refuses one beside stuckAt without stuckFor).
    if (!stuckAt || stuckFor)
        object.insert(QStringLiteral("outcome"), outcomeName(outcome));
    if (!id.isEmpty())
        object.insert(QStringLiteral("id"), id);
    if (!typeCode.isEmpty())
        object.insert(QStringLiteral("type"), typeCode);
    if (!name.isEmpty())
        object.insert(QStringLiteral("name"), name);
    if (!statusType.isEmpty())
        object.insert(QStringLiteral("statusType"), statusType);
    if (description)
        object.insert(QStringLiteral("description"), *description);
    if (parentName)
        object.insert(QStringLiteral("parentName"), parentName->isEmpty() ? QJsonValue() : QJsonValue(*parentName));
    if (launcher)
        object.insert(QStringLiteral("launcher"), *launcher);
    if (target) {
        if (*target)
            object.insert(QStringLiteral("target"),
                          QJsonObject {{QStringLiteral("id"), (*target)->id},
                                       {QStringLiteral("type"), (*target)->type},
                                       {QStringLiteral("name"), (*target)->name}});
        else
            object.insert(QStringLiteral("target"), QJsonValue::Null);
    }
    if (sourceId)
        object.insert(QStringLiteral("sourceId"), *sourceId);
    if (finalPercent && (!stuckAt || stuckFor))
        object.insert(QStringLiteral("finalPercent"), *finalPercent);
    if (stuckAt)
        object.insert(QStringLiteral("stuckAt"), *stuckAt);
    if (stuckFor)
        object.insert(QStringLiteral("stuckFor"), *stuckFor);
    if (messages)
        object.insert(QStringLiteral("messages"), *messages);
    if (returns)
        object.insert(QStringLiteral("returns"), *returns);
    if (attributes)
        object.insert(QStringLiteral("attributes"), *attributes);
    if (progress)
        object.insert(QStringLiteral("progress"), QJsonArray::fromStringList(*progress));
    return object;
}

QString outcomeName(CompletionStatus outcome)
{
    return completionStatusToString(outcome);
}
