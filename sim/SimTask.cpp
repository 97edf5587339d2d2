#include "SimTask.h"

#include "JsonText.h"
#include "TaskCatalog.h"

#include <cmath>

namespace {

qint64 toMs(double seconds)
{
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

QByteArray nullableString(const QString &text)
{
    return text.isEmpty() ? QByteArrayLiteral("null") : JsonText::string(text);
}

// The attributes a running task shows: everything except the values its returns report at the end.
QJsonObject runningAttributes(const ScenarioTask &task)
{
    QJsonObject attributes = task.attributes.value_or(QJsonObject());
    for (const QJsonValue &entry : task.returns.value_or(QJsonArray()))
        attributes.remove(entry.toObject().value(QStringLiteral("attributeName")).toString());
    return attributes;
}

} // namespace

SimTask::SimTask(ScenarioTask resolved, qint64 createdMs, quint64 order)
    : m_task(std::move(resolved))
    , m_order(order)
{
    m_timing.createdMs = createdMs;
    m_timing.startDelayMs = toMs(m_task.startDelay);
    m_timing.durationMs = toMs(m_task.duration);
    m_timing.finalPercent = m_task.finalPercent.value_or(100);
    m_timing.progressSteps = static_cast<int>(m_task.progress.value_or(QStringList()).size());

    const TaskKind kind = TaskCatalog::kind(m_task.typeCode);
    QByteArray &head = m_head;
    head.reserve(1024);
    head.append("{\"id\":");
    JsonText::appendString(head, m_task.id);
    head.append(",\"type\":");
    JsonText::appendString(head, m_task.statusType);
    head.append(",\"uniqueName\":");
    JsonText::appendString(head, m_task.name);
    head.append(",\"description\":");
    JsonText::appendString(head, m_task.description.value_or(QString()));
    head.append(",\"parentName\":");
    head.append(nullableString(m_task.parentName.value_or(QString())));
    head.append(",\"launcher\":");
    JsonText::appendString(head, m_task.launcher.value_or(QString()));
    head.append(",\"target\":");
    if (m_task.target && *m_task.target) {
        const SimTarget &target = **m_task.target;
        head.append("{\"id\":");
        JsonText::appendString(head, target.id);
        head.append(",\"type\":");
        head.append(nullableString(target.type));
        head.append(",\"name\":");
        JsonText::appendString(head, target.name);
        head.append('}');
    } else {
        head.append("null");
    }
    head.append(",\"taskDefinitionSummary\":");
    head.append(JsonText::compact(TaskCatalog::definitionSummary(kind)));
    head.append(",\"created\":");
    JsonText::appendDateTime(head, m_timing.createdMs);
    head.append(',');

    m_runningAttributes = JsonText::compact(runningAttributes(m_task));
    m_finalAttributes = JsonText::compact(m_task.attributes.value_or(QJsonObject()));
    m_finalMessages = JsonText::compact(m_task.messages.value_or(QJsonArray()));
    m_finalReturns = JsonText::compact(m_task.returns.value_or(QJsonArray()));
    m_launched = JsonText::dateTime(m_timing.launchedMs());
    m_completed = JsonText::dateTime(m_timing.completedMs());
    m_outcome = outcomeName(m_task.outcome);
    m_completionStatus = JsonText::string(m_outcome);
    m_sourceId = m_task.sourceId.value_or(QString());
    m_launcher = m_task.launcher.value_or(QString());
    m_finalProgress = JsonText::string(TaskCatalog::finalProgress(m_task.outcome));
    for (const QString &text : m_task.progress.value_or(QStringList()))
        m_progress.append(JsonText::string(text));
}

FilterSubject SimTask::filterSubject(const TaskMoment &moment) const
{
    return FilterSubject {m_task.id,
                          m_sourceId,
                          moment.phase == TaskPhase::Completed ? QStringView(m_outcome) : QStringView(),
                          m_task.typeCode,
                          m_task.statusType,
                          m_launcher};
}

void SimTask::appendJson(QByteArray &out, const TaskMoment &moment) const
{
    const bool completed = moment.phase == TaskPhase::Completed;
    out.append(m_head);
    out.append("\"modified\":");
    JsonText::appendDateTime(out, moment.modifiedMs);
    out.append(",\"launched\":");
    out.append(moment.phase == TaskPhase::Queued ? QByteArrayLiteral("null") : m_launched);
    out.append(",\"completed\":");
    out.append(completed ? m_completed : QByteArrayLiteral("null"));
    out.append(",\"completionStatus\":");
    out.append(completed ? m_completionStatus : QByteArrayLiteral("null"));
    out.append(",\"messages\":");
    out.append(completed ? m_finalMessages : QByteArrayLiteral("[]"));
    out.append(",\"returns\":");
    out.append(completed ? m_finalReturns : QByteArrayLiteral("[]"));
    out.append(",\"attributes\":");
    out.append(completed ? m_finalAttributes : m_runningAttributes);
    out.append(",\"progress\":");
    if (completed)
        out.append(m_finalProgress);
    else if (moment.phase == TaskPhase::Running && moment.progressStep >= 0 && moment.progressStep < m_progress.size())
        out.append(m_progress.at(moment.progressStep));
    else
        out.append("null");
    out.append(",\"percentComplete\":");
    out.append(QByteArray::number(moment.percentComplete));
    out.append('}');
}

QByteArray SimTask::json(qint64 nowMs) const
{
    QByteArray out;
    out.reserve(m_head.size() + m_finalAttributes.size() + m_finalMessages.size() + m_finalReturns.size() + 256);
    appendJson(out, momentAt(nowMs));
    return out;
}
