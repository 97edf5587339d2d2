#include "TaskCatalog.h"

#include <QCryptographicHash>

namespace TaskCatalog {

namespace {

TaskKind makeKind(const char *code, const char *name, const char *description, const char *method, bool targetsSource,
                  const char *noun, QStringList progress, double minDuration, double maxDuration)
{
    return TaskKind {QLatin1String(code),   QLatin1String(name), QLatin1String(description), QStringLiteral("QUARTZ"),
                     QLatin1String(method), targetsSource,       QLatin1String(noun),        std::move(progress),
                     minDuration,           maxDuration};
}

int between(QRandomGenerator &random, int low, int high) // inclusive
{
    return low + static_cast<int>(random.bounded(static_cast<quint32>(high - low + 1)));
}

double betweenReal(QRandomGenerator &random, double low, double high)
{
    return low + random.generateDouble() * (high - low);
}

QJsonObject message(const char *type, const QString &key, const QString &text, const QJsonValue &parameters)
{
    return QJsonObject {
            {QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("localizedText"),
             QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")}, {QStringLiteral("message"), text}}},
            {QStringLiteral("key"), key},
            {QStringLiteral("parameters"), parameters}};
}

CompletionStatus randomOutcome(QRandomGenerator &random)
{
    // Mostly SUCCESS, as on a healthy tenant; the rest spread over the other four outcomes.
    const int roll = between(random, 0, 99);
    if (roll < 70)
        return CompletionStatus::Success;
    if (roll < 82)
        return CompletionStatus::Warning;
    if (roll < 92)
        return CompletionStatus::Error;
    if (roll < 96)
        return CompletionStatus::Terminated;
    return CompletionStatus::TempError;
}

} // namespace

const QList<TaskKind> &kinds()
{
    static const QList<TaskKind> all = {
            makeKind("CLOUD_ACCOUNT_AGGREGATION", "Cloud Account Aggregation",
                     "Aggregates from the specified application.", "accountAggregationTask", true, "accounts",
                     {QStringLiteral("Initializing"), QStringLiteral("Connecting to the source"),
                      QStringLiteral("Aggregating accounts"), QStringLiteral("Correlating accounts"),
                      QStringLiteral("Processing deleted accounts"), QStringLiteral("Finalizing")},
                     20, 900),
            makeKind("CLOUD_GROUP_AGGREGATION", "Cloud Group Aggregation",
                     "Aggregates groups (entitlements) from the specified application.", "groupAggregationTask", true,
                     "groups",
                     {QStringLiteral("Initializing"), QStringLiteral("Aggregating groups"),
                      QStringLiteral("Updating entitlements"), QStringLiteral("Finalizing")},
                     10, 300),
            makeKind("IDENTITY_REFRESH", "Identity Refresh", "Refreshes identities and their access.",
                     "identityRefreshTask", false, "identities",
                     {QStringLiteral("Initializing"), QStringLiteral("Refreshing identities"),
                      QStringLiteral("Evaluating roles"), QStringLiteral("Provisioning"), QStringLiteral("Finalizing")},
                     60, 1800),
            makeKind("CLOUD_PROCESS_UNCORRELATED_ACCOUNTS", "Cloud Process Uncorrelated Accounts",
                     "Processes uncorrelated accounts for the specified application.", "processUncorrelatedAccounts",
                     true, "accounts",
                     {QStringLiteral("Initializing"), QStringLiteral("Correlating accounts"),
                      QStringLiteral("Finalizing")},
                     10, 240),
            makeKind("CLOUD_ATTRIBUTE_SYNCHRONIZATION", "Cloud Attribute Synchronization",
                     "Synchronizes identity attributes to the specified application.", "attributeSyncTask", true,
                     "identities",
                     {QStringLiteral("Initializing"), QStringLiteral("Comparing attributes"),
                      QStringLiteral("Synchronizing attributes"), QStringLiteral("Finalizing")},
                     30, 900),
            makeKind("CLOUD_REFRESH_ROLE", "Cloud Role Refresh", "Refreshes role membership for all identities.",
                     "roleRefreshTask", false, "identities",
                     {QStringLiteral("Initializing"), QStringLiteral("Evaluating role criteria"),
                      QStringLiteral("Updating assignments"), QStringLiteral("Finalizing")},
                     30, 1200),
    };
    return all;
}

TaskKind kind(const QString &code)
{
    for (const TaskKind &known : kinds()) {
        if (known.code.compare(code, Qt::CaseInsensitive) == 0)
            return known;
    }
    // CUSTOM_THING → "Custom Thing": a plausible name for a kind we do not know.
    QStringList words = code.toLower().split(u'_', Qt::SkipEmptyParts);
    for (QString &word : words)
        word[0] = word[0].toUpper();
    TaskKind generic = kinds().first();
    generic.code = code;
    generic.uniqueName = words.isEmpty() ? code : words.join(u' ');
    generic.description = QStringLiteral("Runs %1.").arg(generic.uniqueName);
    generic.serviceMethod = QStringLiteral("runTask");
    generic.targetsSource = false;
    generic.itemNoun = QStringLiteral("items");
    generic.progress = {QStringLiteral("Initializing"), QStringLiteral("Processing"), QStringLiteral("Finalizing")};
    return generic;
}

const QStringList &sourceNames()
{
    static const QStringList names = {
            QStringLiteral("Active Directory [source]"), QStringLiteral("Workday [source]"),
            QStringLiteral("ServiceNow [source]"),       QStringLiteral("Okta [source]"),
            QStringLiteral("Salesforce [source]"),       QStringLiteral("SAP S/4HANA [source]"),
            QStringLiteral("Entra ID [source]"),         QStringLiteral("Google Workspace [source]"),
            QStringLiteral("GitHub [source]"),           QStringLiteral("Oracle EBS [source]"),
    };
    return names;
}

QString sourceId(const QString &sourceName)
{
    return QString::fromLatin1(QCryptographicHash::hash(sourceName.toUtf8(), QCryptographicHash::Md5).toHex());
}

const QStringList &launchers()
{
    static const QStringList all = {QStringLiteral("System"), QStringLiteral("support"),
                                    QStringLiteral("2c9180867624cbd7017642d8c8c81f67"), QStringLiteral("scheduler"),
                                    QStringLiteral("jane.doe")};
    return all;
}

QString randomId(QRandomGenerator &random)
{
    QString id;
    id.reserve(32);
    for (int i = 0; i < 4; ++i)
        id += QStringLiteral("%1").arg(random.generate(), 8, 16, QLatin1Char('0'));
    return id;
}

QJsonObject attributes(const TaskKind &kind, CompletionStatus outcome, const QString &sourceId,
                       QRandomGenerator &random)
{
    // Failed tasks stop part way: fewer items processed.
    const bool stoppedEarly = outcome == CompletionStatus::Error || outcome == CompletionStatus::Terminated
            || outcome == CompletionStatus::TempError;
    const int total = stoppedEarly ? between(random, 0, 2000) : between(random, 50, 25000);
    const int created = between(random, 0, total / 20);
    const int deleted = between(random, 0, total / 50);
    const int updated = between(random, 0, (total - created - deleted) / 5);
    const int unchanged = total - created - deleted - updated;
    QJsonObject attributes;
    if (kind.targetsSource) {
        attributes.insert(QStringLiteral("appId"), sourceId);
        attributes.insert(QStringLiteral("optimizedAggregation"), QStringLiteral("enabled"));
    }
    attributes.insert(QStringLiteral("total"), total);
    attributes.insert(QStringLiteral("created"), created);
    attributes.insert(QStringLiteral("updated"), updated);
    attributes.insert(QStringLiteral("deleted"), deleted);
    attributes.insert(QStringLiteral("unchanged"), unchanged);
    if (outcome == CompletionStatus::Warning)
        attributes.insert(QStringLiteral("skipped"), between(random, 1, 40));
    return attributes;
}

QJsonArray returns(const TaskKind &kind)
{
    const QString noun = kind.itemNoun.left(1).toUpper() + kind.itemNoun.mid(1);
    auto entry = [&](const QString &verb, const char *attribute) {
        return QJsonObject {{QStringLiteral("name"), QString(noun + u' ' + verb)},
                            {QStringLiteral("attributeName"), QLatin1String(attribute)}};
    };
    return QJsonArray {entry(QStringLiteral("Scanned"), "total"), entry(QStringLiteral("Created"), "created"),
                       entry(QStringLiteral("Updated"), "updated"), entry(QStringLiteral("Deleted"), "deleted"),
                       entry(QStringLiteral("Unchanged"), "unchanged")};
}

QJsonArray messages(const TaskKind &kind, CompletionStatus outcome, const QJsonObject &attributes,
                    const QString &targetName, const QString &launcher)
{
    const int total = attributes.value(QStringLiteral("total")).toInt();
    const QString where = targetName.isEmpty() ? QString() : QString(QStringLiteral(" from ") + targetName);
    QJsonArray list;
    switch (outcome) {
    case CompletionStatus::Success:
        list.append(message("INFO", QStringLiteral("task_completed_summary"),
                            QStringLiteral("Processed %1 %2%3.").arg(total).arg(kind.itemNoun, where),
                            QJsonArray {QJsonObject {{QStringLiteral("count"), total}}}));
        break;
    case CompletionStatus::Warning: {
        const int skipped = attributes.value(QStringLiteral("skipped")).toInt();
        list.append(message("INFO", QStringLiteral("task_completed_summary"),
                            QStringLiteral("Processed %1 %2%3.").arg(total).arg(kind.itemNoun, where),
                            QJsonArray {QJsonObject {{QStringLiteral("count"), total}}}));
        list.append(message("WARN", QStringLiteral("warn_items_skipped"),
                            QStringLiteral("%1 %2 were skipped because their native identity is empty.")
                                    .arg(skipped)
                                    .arg(kind.itemNoun),
                            QJsonArray {QJsonObject {{QStringLiteral("skipped"), skipped}}}));
        break;
    }
    case CompletionStatus::Error:
        list.append(
                message("ERROR", QStringLiteral("err_connector_exception"),
                        QStringLiteral("sailpoint.connector.ConnectorException: Unable to connect%1: connection "
                                       "timed out after 120000 ms.")
                                .arg(targetName.isEmpty() ? QString() : QString(QStringLiteral(" to ") + targetName)),
                        QJsonArray {QStringLiteral("connection timed out")}));
        break;
    case CompletionStatus::Terminated:
        list.append(message("WARN", QStringLiteral("task_terminated"),
                            QStringLiteral("The task was terminated by %1.").arg(launcher),
                            QJsonArray {QJsonObject {{QStringLiteral("terminatedBy"), launcher}}}));
        break;
    case CompletionStatus::TempError:
        list.append(message("ERROR", QStringLiteral("err_temporary_failure"),
                            QStringLiteral("A temporary error occurred (HTTP 503 from the virtual appliance); the "
                                           "task can be retried."),
                            QJsonValue::Null));
        break;
    case CompletionStatus::None:
    case CompletionStatus::Unknown:
        break;
    }
    return list;
}

QString finalProgress(CompletionStatus outcome)
{
    switch (outcome) {
    case CompletionStatus::Success:
        return QStringLiteral("Completed");
    case CompletionStatus::Warning:
        return QStringLiteral("Completed with warnings");
    case CompletionStatus::Error:
        return QStringLiteral("Failed");
    case CompletionStatus::Terminated:
        return QStringLiteral("Terminated");
    case CompletionStatus::TempError:
        return QStringLiteral("Failed with a temporary error");
    case CompletionStatus::None:
    case CompletionStatus::Unknown:
        break;
    }
    return {};
}

QJsonObject definitionSummary(const TaskKind &kind)
{
    return QJsonObject {
            {QStringLiteral("id"), sourceId(QString(QStringLiteral("definition:") + kind.code))},
            {QStringLiteral("uniqueName"), kind.uniqueName},
            {QStringLiteral("description"), kind.description},
            {QStringLiteral("parentName"), kind.uniqueName},
            {QStringLiteral("executor"), QStringLiteral("sailpoint.task.ServiceTaskExecutor")},
            {QStringLiteral("arguments"),
             QJsonObject {{QStringLiteral("serviceClass"), QStringLiteral("sailpoint.thunderbolt.service.TaskService")},
                          {QStringLiteral("serviceMethod"), kind.serviceMethod}}},
    };
}

ScenarioTask resolve(const ScenarioTask &given, QRandomGenerator &random)
{
    ScenarioTask task = given;
    if (task.typeCode.isEmpty())
        task.typeCode = kinds().first().code;
    const TaskKind taskKind = kind(task.typeCode);
    task.typeCode = taskKind.code;
    if (task.id.isEmpty())
        task.id = randomId(random);
    if (task.statusType.isEmpty())
        task.statusType = taskKind.statusType;
    if (task.name.isEmpty())
        task.name = taskKind.uniqueName;
    if (!task.description)
        task.description = taskKind.description;
    if (!task.parentName)
        task.parentName = QString(); // null, as most tasks have
    if (!task.launcher)
        task.launcher = launchers().at(random.bounded(static_cast<quint32>(launchers().size())));
    if (!task.target) {
        if (taskKind.targetsSource) {
            const QString name = sourceNames().at(random.bounded(static_cast<quint32>(sourceNames().size())));
            task.target = SimTarget {sourceId(name), QStringLiteral("APPLICATION"), name};
        } else {
            task.target = std::optional<SimTarget>();
        }
    }
    if (*task.target && (*task.target)->id.isEmpty())
        (*task.target)->id = sourceId((*task.target)->name);
    if (!task.sourceId)
        task.sourceId = *task.target && (*task.target)->type == u"APPLICATION" ? (*task.target)->id : QString();
    if (!task.finalPercent) {
        const bool completes = task.outcome == CompletionStatus::Success || task.outcome == CompletionStatus::Warning;
        task.finalPercent = completes ? 100 : between(random, 20, 90);
    }
    if (!task.attributes) {
        task.attributes = attributes(taskKind, task.outcome, *task.sourceId, random);
        if (!task.returns)
            task.returns = returns(taskKind);
    }
    if (!task.returns)
        task.returns = QJsonArray();
    if (!task.messages)
        task.messages = messages(taskKind, task.outcome, *task.attributes,
                                 *task.target ? (*task.target)->name : QString(), *task.launcher);
    if (!task.progress || task.progress->isEmpty())
        task.progress = taskKind.progress;
    return task;
}

QList<ScenarioTask> seededTasks(int count, QRandomGenerator &random)
{
    QList<ScenarioTask> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        const TaskKind &taskKind = kinds().at(random.bounded(static_cast<quint32>(kinds().size())));
        ScenarioTask task;
        task.typeCode = taskKind.code;
        task.outcome = randomOutcome(random);
        task.duration = std::round(betweenReal(random, taskKind.minDuration, taskKind.maxDuration));
        // When the server starts, about half the tasks have finished, a third run and the rest wait in the queue.
        const int phase = between(random, 0, 99);
        if (phase < 50) {
            task.startDelay = between(random, 0, 30);
            task.createdAgo = task.startDelay + task.duration + between(random, 1, 3 * 86400);
        } else if (phase < 80) {
            task.startDelay = between(random, 0, 30);
            task.createdAgo = task.startDelay + std::round(task.duration * betweenReal(random, 0.05, 0.9));
        } else {
            task.createdAgo = between(random, 0, 20);
            task.startDelay = task.createdAgo + between(random, 5, 180);
        }
        tasks.append(resolve(task, random));
    }
    return tasks;
}

} // namespace TaskCatalog
