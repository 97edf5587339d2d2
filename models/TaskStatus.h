#pragma once

#include "Parsed.h"
#include "TaskState.h"
#include "TextLanguage.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct TaskTarget
{
    QString id;
    QString type; // APPLICATION | IDENTITY | empty (null); unknown values kept as sent
    QString name;
};

struct LocalizedText
{
    QString locale;
    QString message;
};

struct TaskMessage
{
    enum class Type { Info, Warn, Error, Unknown };

    Type type = Type::Unknown;
    QString typeRaw; // as sent, for an unknown type
    std::optional<LocalizedText> localizedText; // nullable in the spec
    QString key;
    std::optional<QJsonArray> parameters; // objects or strings; null stays nullopt

    QString text() const; // the localized message, or the key when there is none
    QString parametersText() const; // "name=value, other" for display
    QString typeName() const; // INFO | WARN | ERROR as the API spells them, else typeRaw: for reports
    QString typeLabel(TextLanguage language) const; // Info | Warning | Error, else typeRaw: for people
};

struct TaskReturn
{
    QString name; // display label
    QString attributeName; // key into TaskStatus::attributes()
};

// A return joined with its value from attributes: what support staff read ("Identities: 42").
struct ReturnValue
{
    QString name;
    QString attributeName;
    QJsonValue value; // Undefined when attributes lack the key

    QString valueText() const;
    QString text() const { return name + QStringLiteral(": ") + valueText(); }
};

struct TaskDefinitionSummary
{
    QString id;
    QString uniqueName;
    QString description;
    QString parentName;
    QString executor; // its arguments: TaskStatus::definitionArguments()
};

// One task's status as the task-status API reports it, in any API version (beta, v2024–v2026, v1).
class TaskStatus
{
public:
    QString id;
    QString type; // QUARTZ | QPOC | QUEUED_TASK, unknown values kept as sent
    QString uniqueName;
    QString description;
    QString parentName;
    QString launcher;
    std::optional<TaskTarget> target;
    QDateTime created; // invalid when absent
    QDateTime modified; // nullable since 2026
    QDateTime launched; // null until launched
    QDateTime completed; // null until finished
    CompletionStatus completionStatus = CompletionStatus::None;
    QString completionStatusRaw; // as sent; what we show for an Unknown status
    QList<TaskMessage> messages;
    QList<TaskReturn> returns;
    std::optional<QString> progress;
    std::optional<int> percentComplete; // 0..100; nullopt when unknown
    std::optional<TaskDefinitionSummary> taskDefinitionSummary;

    // The object as received, as compact JSON: the tenant's bytes less the whitespace between tokens, keys in
    // its order (or what Qt writes, when those bytes could not stand on a line: JsonSlices::isKeepableObject).
    // For the raw view, exports, the watch list and change detection (equal bytes = equal status). Text, not a
    // QJsonObject: a QJsonObject tree costs about five times the text per task (docs/performance.md), which at 10,000
    // tasks is 50 MB.
    QByteArray rawJson;
    QJsonObject raw() const; // rawJson parsed again, for the few places that need the object
    // Free-form JSON, read from rawJson when asked (the detail view, reports, notifications): kept as
    // parsed trees they cost more than the rest of a status.
    QJsonObject attributes() const; // nested values included
    QJsonObject definitionArguments() const; // taskDefinitionSummary.arguments
    QStringList notes; // what lenient parsing adjusted, e.g. a clamped percentComplete

    TaskState state() const;
    QList<ReturnValue> returnValues() const;

    // Strict where it matters (an object with a string id), lenient where the spec is loose.
    static Parsed<TaskStatus> fromJson(const QJsonObject &object);
    static Parsed<TaskStatus> fromJson(const QByteArray &body);
    // The list endpoint's answer: an array of TaskStatus objects.
    static Parsed<QList<TaskStatus>> listFromJson(const QByteArray &body);
};

// Parses bytes as one JSON document, naming the problem (offset, not JSON, invalid UTF-8, too deep).
Parsed<QJsonValue> parseJsonDocument(const QByteArray &body);
QString jsonValueText(const QJsonValue &value); // a value as a person reads it: 42, true, text, {"a":1}
// A message's parameters (objects or plain values) on one line: "name=value, other"; empty for none.
QString messageParametersText(const QJsonArray &parameters);
