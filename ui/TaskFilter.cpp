#include "TaskFilter.h"

#include <QRegularExpression>

QList<DisplayState> allDisplayStates()
{
    QList<DisplayState> states;
    for (int i = 0; i < DisplayStateCount; ++i)
        states.append(static_cast<DisplayState>(i));
    return states;
}

namespace StateGroups {

bool isActive(DisplayState state)
{
    return state == DisplayState::Queued || state == DisplayState::Running;
}

bool isFailed(DisplayState state)
{
    return state == DisplayState::Error || state == DisplayState::TempError || state == DisplayState::Terminated;
}

bool isSucceeded(DisplayState state)
{
    return state == DisplayState::Success || state == DisplayState::Warning;
}

} // namespace StateGroups

bool matchesStateFilter(DisplayState state, StateFilter filter)
{
    switch (filter) {
    case StateFilter::All:
        return true;
    case StateFilter::Running:
        return StateGroups::isActive(state);
    case StateFilter::Failed:
        return StateGroups::isFailed(state);
    case StateFilter::Succeeded:
        return StateGroups::isSucceeded(state);
    }
    return true;
}

namespace {

bool anyFieldContains(const WatchedTask &task, const QString &word)
{
    // "tenant:sandbox": that connection profile's tasks only (the Tenant column's words).
    static const QString tenantPrefix = QStringLiteral("tenant:");
    if (word.startsWith(tenantPrefix, Qt::CaseInsensitive))
        return task.profile.compare(word.mid(tenantPrefix.size()), Qt::CaseInsensitive) == 0;
    const auto has = [&word](const QString &text) { return text.contains(word, Qt::CaseInsensitive); };
    if (has(task.id) || has(task.label))
        return true;
    if (!task.status)
        return false;
    const TaskStatus &status = *task.status;
    if (has(status.uniqueName))
        return true;
    if (status.target && (has(status.target->name) || has(status.target->id)))
        return true;
    for (const TaskMessage &message : status.messages) {
        if (has(message.text()) || has(message.key))
            return true;
    }
    return false;
}

} // namespace

bool matchesSearchText(const WatchedTask &task, const QString &needle)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList words = needle.split(whitespace, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!anyFieldContains(task, word))
            return false;
    }
    return true;
}
