#pragma once

#include "models/Parsed.h"
#include "models/TaskState.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

struct SimTarget
{
    QString id;
    QString type; // APPLICATION | IDENTITY | empty (null)
    QString name;
};

// One task as a scenario describes it (sim/README.md has the format), times relative to when the task is
// added, in simulated seconds. Optional parts left unset are filled with realistic values when the task
// is added (TaskCatalog), so a scenario can say as little or as much as a test needs.
struct ScenarioTask
{
    QString id; // empty: a fresh 32-hex id is made
    QString typeCode; // task definition type, e.g. CLOUD_ACCOUNT_AGGREGATION (the list filter's `type`)
    QString statusType; // the body's type: QUARTZ | QPOC | QUEUED_TASK; empty: the kind's default
    QString name; // uniqueName; empty: the kind's name
    std::optional<QString> description;
    std::optional<QString> parentName; // set to a null string for a JSON null
    std::optional<QString> launcher;
    std::optional<std::optional<SimTarget>> target; // unset: the kind's default; set to nullopt: no target
    std::optional<QString> sourceId; // unset: the target's id when it is an APPLICATION

    double createdAgo = 0; // the task was created this long before it was added
    double startDelay = 0; // queued this long after creation
    double duration = 60; // running this long after launch
    CompletionStatus outcome = CompletionStatus::Success;
    std::optional<int> finalPercent; // percentComplete at the end; default 100, less for failures
    // 0..99: the task gets stuck at this percentage and never finishes (see TaskTiming::stuckAtPercent).
    std::optional<int> stuckAt;
    std::optional<double> stuckFor; // with stuckAt: stuck only this long, then it goes on and completes

    std::optional<QJsonArray> messages; // TaskStatusMessage objects, normalised
    std::optional<QJsonArray> returns; // {name, attributeName}
    std::optional<QJsonObject> attributes; // final attributes; returns' attributeNames are keys of it
    std::optional<QStringList> progress; // progress texts while running, in order

    // One scenario entry. Errors name the offending field.
    static Parsed<ScenarioTask> fromJson(const QJsonObject &entry);
    // A scenario document: an array of entries, or {"tasks": [...]}.
    static Parsed<QList<ScenarioTask>> listFromJson(const QByteArray &document);
    static Parsed<QList<ScenarioTask>> listFromFile(const QString &path);

    // The entry as JSON again (what GET /__sim/tasks reports as ground truth).
    QJsonObject toJson() const;
};

QString outcomeName(CompletionStatus outcome); // SUCCESS, …, TEMPERROR
