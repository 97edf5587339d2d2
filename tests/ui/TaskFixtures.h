#pragma once

// Spec-shaped task-status documents (fields as in ../sailpoint-spec TaskStatus) turned into the values
// the engine hands the UI. Shared by the ui test programs; header-only so each stays one program.

#include "models/TaskStatus.h"
#include "models/WatchedTask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

namespace Fixtures {

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

inline const QDateTime T0 = utc("2024-05-17T09:00:00.000Z");

// A queued task: every required field present, the nullable ones null.
inline QJsonObject queuedJson(const QString &id, const QString &name)
{
    return QJsonObject {
            {QStringLiteral("id"), id},
            {QStringLiteral("type"), QStringLiteral("QUARTZ")},
            {QStringLiteral("uniqueName"), name},
            {QStringLiteral("description"), QStringLiteral("Aggregates from the specified application.")},
            {QStringLiteral("parentName"), QJsonValue::Null},
            {QStringLiteral("launcher"), QStringLiteral("support")},
            {QStringLiteral("target"),
             QJsonObject {{QStringLiteral("id"), QStringLiteral("c6dc37bf508149b28ce5b7d90ca4bbf9")},
                          {QStringLiteral("type"), QStringLiteral("APPLICATION")},
                          {QStringLiteral("name"), QStringLiteral("Active Directory [source]")}}},
            {QStringLiteral("created"), QStringLiteral("2024-05-17T08:59:00.000Z")},
            {QStringLiteral("modified"), QStringLiteral("2024-05-17T08:59:00.000Z")},
            {QStringLiteral("launched"), QJsonValue::Null},
            {QStringLiteral("completed"), QJsonValue::Null},
            {QStringLiteral("completionStatus"), QJsonValue::Null},
            {QStringLiteral("messages"), QJsonArray()},
            {QStringLiteral("returns"), QJsonArray()},
            {QStringLiteral("attributes"), QJsonObject {{QStringLiteral("appId"), QStringLiteral("c6dc37bf")}}},
            {QStringLiteral("progress"), QJsonValue::Null},
            {QStringLiteral("percentComplete"), 0}};
}

inline QJsonObject runningJson(const QString &id, const QString &name, int percent,
                               const QString &progress = QStringLiteral("Aggregating accounts"))
{
    QJsonObject json = queuedJson(id, name);
    json.insert(QStringLiteral("launched"), QStringLiteral("2024-05-17T09:00:00.000Z"));
    json.insert(QStringLiteral("progress"), progress);
    json.insert(QStringLiteral("percentComplete"), percent);
    return json;
}

inline QJsonObject finishedJson(const QString &id, const QString &name, const QString &completionStatus,
                                int percent = 100)
{
    QJsonObject json = runningJson(id, name, percent, QStringLiteral("Completed"));
    json.insert(QStringLiteral("completed"), QStringLiteral("2024-05-17T09:12:30.000Z"));
    json.insert(QStringLiteral("completionStatus"), completionStatus);
    return json;
}

// A failed aggregation with everything support staff look at: messages of each type (one with
// parameters), returns whose values live in nested attributes, and a task definition with arguments.
inline QJsonObject failedJson(const QString &id = QStringLiteral("00eebcf881994e419d72e757fd30dc0e"))
{
    QJsonObject json = finishedJson(id, QStringLiteral("Cloud Account Aggregation"), QStringLiteral("ERROR"), 60);
    json.insert(QStringLiteral("parentName"), QStringLiteral("Anonymous Parent"));
    json.insert(QStringLiteral("progress"), QStringLiteral("Aggregation failed"));
    const auto message = [](const char *type, const char *text, const char *key, const QJsonValue &parameters) {
        return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(type)},
                            {QStringLiteral("localizedText"),
                             QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")},
                                          {QStringLiteral("message"), QString::fromLatin1(text)}}},
                            {QStringLiteral("key"), QString::fromLatin1(key)},
                            {QStringLiteral("parameters"), parameters}};
    };
    json.insert(
            QStringLiteral("messages"),
            QJsonArray {message("INFO", "Aggregation started", "task_started", QJsonValue::Null),
                        message("WARN", "12 accounts skipped", "accounts_skipped",
                                QJsonArray {QJsonObject {{QStringLiteral("skipped"), 12}}}),
                        message("ERROR", "Connection to Active Directory timed out", "connector_timeout",
                                QJsonArray {QJsonObject {{QStringLiteral("host"), QStringLiteral("dc01.example.com")}},
                                            QStringLiteral("after 300 s")})});
    json.insert(QStringLiteral("returns"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Accounts scanned")},
                                         {QStringLiteral("attributeName"), QStringLiteral("accountsScanned")}},
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("Identities updated")},
                                         {QStringLiteral("attributeName"), QStringLiteral("identityCount")}},
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("Applications")},
                                         {QStringLiteral("attributeName"), QStringLiteral("applications")}}});
    json.insert(QStringLiteral("attributes"),
                QJsonObject {{QStringLiteral("appId"), QStringLiteral("c6dc37bf508149b28ce5b7d90ca4bbf9")},
                             {QStringLiteral("accountsScanned"), 4711},
                             {QStringLiteral("identityCount"), 42},
                             {QStringLiteral("applications"),
                              QJsonArray {QStringLiteral("Active Directory"), QStringLiteral("Workday")}},
                             {QStringLiteral("stats"),
                              QJsonObject {{QStringLiteral("phase"), QStringLiteral("correlate")},
                                           {QStringLiteral("deep"), QJsonObject {{QStringLiteral("level"), 3}}}}}});
    json.insert(
            QStringLiteral("taskDefinitionSummary"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("2c91808475b4334b0175e1dff64b63c5")},
                         {QStringLiteral("uniqueName"), QStringLiteral("Cloud Account Aggregation")},
                         {QStringLiteral("description"), QStringLiteral("Aggregates from the specified application.")},
                         {QStringLiteral("parentName"), QStringLiteral("Cloud Account Aggregation")},
                         {QStringLiteral("executor"), QStringLiteral("sailpoint.task.ServiceTaskExecutor")},
                         {QStringLiteral("arguments"),
                          QJsonObject {{QStringLiteral("mantisExecutor"),
                                        QStringLiteral("com.sailpoint.mantis.sources.task.AccountAggregationTask")},
                                       {QStringLiteral("optimizedAggregation"), true}}}});
    return json;
}

inline TaskStatus status(const QJsonObject &json)
{
    Parsed<TaskStatus> parsed = TaskStatus::fromJson(json);
    if (!parsed)
        qFatal("fixture does not parse: %s", qPrintable(parsed.error().message()));
    return parsed.value();
}

inline WatchedTask watched(const QJsonObject &json, const QDateTime &checkedAt = T0, const QString &label = {})
{
    WatchedTask task;
    task.status = status(json);
    task.id = task.status->id;
    task.label = label;
    task.profile = QStringLiteral("acme-sandbox");
    task.addedAt = utc("2024-05-17T08:58:00.000Z");
    task.checkedAt = checkedAt;
    return task;
}

inline WatchedTask pending(const QString &id)
{
    WatchedTask task;
    task.id = id;
    task.addedAt = T0;
    return task;
}

inline FetchProblem fetchProblem(const QString &trackingId, int httpStatus = 503)
{
    return FetchProblem {FetchProblem::Kind::Fetch, QStringLiteral("The server is unavailable"), trackingId,
                         httpStatus};
}

// 32 lowercase hex characters, like SailPoint's ids.
inline QString taskId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

} // namespace Fixtures
