#pragma once

#include "ScenarioTask.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// The kinds of tasks a tenant runs, with the names, targets, progress texts, returns and messages
// they show. Used to fill in what a scenario leaves out and to seed realistic tasks.
struct TaskKind
{
    QString code; // CLOUD_ACCOUNT_AGGREGATION
    QString uniqueName; // Cloud Account Aggregation
    QString description; // Aggregates from the specified application.
    QString statusType; // QUARTZ | QPOC | QUEUED_TASK
    QString serviceMethod;
    bool targetsSource = false; // target is an APPLICATION (a source); otherwise no target
    QString itemNoun; // "accounts", "identities", … for progress and messages
    QStringList progress; // texts while running, in order
    double minDuration = 10, maxDuration = 600; // seconds, for seeded tasks
};

namespace TaskCatalog {

const QList<TaskKind> &kinds();
// The kind with this code; an unknown code gets a generic kind named after it.
TaskKind kind(const QString &code);
const QStringList &sourceNames(); // "Active Directory [source]", …
QString sourceId(const QString &sourceName); // a stable 32-hex id per source name
const QStringList &launchers();
QString randomId(QRandomGenerator &random); // 32 lowercase hex characters, as SailPoint's ids

// The parts of a finished task, as the task's kind and outcome make them.
QJsonObject attributes(const TaskKind &kind, CompletionStatus outcome, const QString &sourceId,
                       QRandomGenerator &random);
QJsonArray returns(const TaskKind &kind);
QJsonArray messages(const TaskKind &kind, CompletionStatus outcome, const QJsonObject &attributes,
                    const QString &targetName, const QString &launcher);
QString finalProgress(CompletionStatus outcome);
QJsonObject definitionSummary(const TaskKind &kind);

// A scenario with every optional part decided: what the server stores.
ScenarioTask resolve(const ScenarioTask &task, QRandomGenerator &random);

// `count` seeded tasks in a realistic mix of kinds, outcomes and phases (finished, running, queued when the
// server starts). The same seed gives the same tasks.
QList<ScenarioTask> seededTasks(int count, QRandomGenerator &random);

} // namespace TaskCatalog
