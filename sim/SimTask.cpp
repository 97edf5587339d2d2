#include "SimTask.h"

#include "JsonText.h"
#include "TaskCatalog.h"

#include <algorithm>
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
    m_timing.stuckAtPercent = m_task.stuckAt.value_or(-1);
    m_timing.stuckForMs = m_task.stuckFor ? toMs(*m_task.stuckFor) : -1;

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

TaskMoment SimTask::momentAt(qint64 nowMs) const
{
    if (!m_patched)
        return TaskLife::at(m_timing, nowMs);
    TaskMoment moment = m_patched->moment;
    moment.phase = m_patched->outcome.isEmpty() ? m_patched->shownPhase : TaskPhase::Completed;
    return moment;
}

void SimTask::applyPatch(const TaskPatch &patch, qint64 nowMs)
{
    if (!m_patched) {
        const TaskMoment before = TaskLife::at(m_timing, nowMs);
        const bool completed = before.phase == TaskPhase::Completed;
        m_patched = Patched {before, before.phase, completed ? m_outcome : QString(),
                             completed ? std::optional<qint64>(m_timing.completedMs()) : std::nullopt};
    }
    m_patched->moment.modifiedMs = std::max(nowMs, m_timing.createdMs);
    if (patch.completionStatus)
        m_patched->outcome = outcomeName(*patch.completionStatus);
    if (patch.completedMs)
        m_patched->completedMs = *patch.completedMs;
    else if (!m_patched->completedMs)
        m_patched->completedMs = nowMs; // an outcome without a completed date: it finished now
}

bool SimTask::finishedAt(qint64 nowMs) const
{
    if (m_patched)
        return !m_patched->outcome.isEmpty();
    return TaskLife::at(m_timing, nowMs).phase == TaskPhase::Completed;
}

FilterSubject SimTask::filterSubject(const TaskMoment &moment) const
{
    QStringView outcome;
    if (m_patched)
        outcome = m_patched->outcome;
    else if (moment.phase == TaskPhase::Completed)
        outcome = m_outcome;
    return FilterSubject {m_task.id, m_sourceId, outcome, m_task.typeCode, m_task.statusType, m_launcher};
}

void SimTask::appendJson(QByteArray &out, const TaskMoment &moment) const
{
    // A patched task shows what it showed when patched, except for the patched fields.
    const TaskPhase shown = m_patched ? m_patched->shownPhase : moment.phase;
    const bool completed = shown == TaskPhase::Completed;
    out.append(m_head);
    out.append("\"modified\":");
    JsonText::appendDateTime(out, moment.modifiedMs);
    out.append(",\"launched\":");
    out.append(shown == TaskPhase::Queued ? QByteArrayLiteral("null") : m_launched);
    out.append(",\"completed\":");
    if (m_patched)
        out.append(m_patched->completedMs ? JsonText::dateTime(*m_patched->completedMs) : QByteArrayLiteral("null"));
    else
        out.append(completed ? m_completed : QByteArrayLiteral("null"));
    out.append(",\"completionStatus\":");
    if (m_patched)
        out.append(m_patched->outcome.isEmpty() ? QByteArrayLiteral("null") : JsonText::string(m_patched->outcome));
    else
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
    else if (shown == TaskPhase::Running && moment.progressStep >= 0 && moment.progressStep < m_progress.size())
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
