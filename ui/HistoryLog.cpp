#include "HistoryLog.h"

#include <QCoreApplication>

namespace {

HistoryEntry::Event eventFor(TransitionKind kind)
{
    switch (kind) {
    case TransitionKind::Started:
        return HistoryEntry::Event::Started;
    case TransitionKind::Progressed:
        return HistoryEntry::Event::Progressed;
    case TransitionKind::Finished:
        return HistoryEntry::Event::Finished;
    case TransitionKind::Reappeared:
        return HistoryEntry::Event::Reappeared;
    case TransitionKind::NoChange:
        break;
    }
    return HistoryEntry::Event::FirstSeen;
}

} // namespace

QString HistoryEntry::eventName(TextLanguage language) const
{
    const auto name = [language](const char *source) { return textIn(language, "HistoryLog", source); };
    switch (event) {
    case Event::FirstSeen:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "First seen"));
    case Event::Started:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Started"));
    case Event::Progressed:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Progress"));
    case Event::Finished:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Finished"));
    case Event::Reappeared:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Running again"));
    case Event::FetchFailed:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Fetch failed"));
    case Event::FetchRecovered:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Fetch recovered"));
    case Event::MarkedFinished:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Marked as finished"));
    case Event::MarkUnconfirmed:
        return name(QT_TRANSLATE_NOOP("HistoryLog", "Mark not confirmed"));
    }
    return {};
}

QString HistoryEntry::detailText(TextLanguage language) const
{
    if (event == Event::FetchFailed)
        return problem.textWithHttpStatus(language);
    if (event == Event::FetchRecovered)
        return {};
    if (event == Event::MarkedFinished || event == Event::MarkUnconfirmed) {
        // The report is English: the API's words for the outcome there, the user's own in the window.
        const QString outcome = language == TextLanguage::English
                ? QString::fromLatin1(state == DisplayState::Terminated ? "Terminated" : "Error")
                : displayStateName(state);
        const char *text = event == Event::MarkedFinished
                ? QT_TRANSLATE_NOOP("HistoryLog", "marked as %1 by %2")
                : QT_TRANSLATE_NOOP("HistoryLog", "asked to mark as %1 by %2; no answer confirmed it");
        return textIn(language, "HistoryLog", text).arg(outcome, actor);
    }
    QStringList parts;
    if (percentComplete)
        parts.append(QStringLiteral("%1 %").arg(*percentComplete));
    if (!progress.isEmpty())
        parts.append(progress);
    return parts.join(QStringLiteral(" — "));
}

HistoryLog::HistoryLog(qsizetype maxEntriesPerTask)
    : m_maxEntries(std::max<qsizetype>(2, maxEntriesPerTask))
{ }

void HistoryLog::record(const WatchedTask &task, const QDateTime &at)
{
    TaskHistory &history = m_tasks[task.id];
    const DisplayState state = task.displayState();

    if (task.problem != history.lastProblem) {
        if (!task.problem.isNone()) {
            HistoryEntry entry {at, HistoryEntry::Event::FetchFailed, state, {}, {}, task.problem, {}};
            append(history, std::move(entry));
        } else {
            append(history, HistoryEntry {at, HistoryEntry::Event::FetchRecovered, state, {}, {}, {}, {}});
        }
        history.lastProblem = task.problem;
    }

    if (!task.status)
        return;
    const TaskSnapshot snapshot = TaskSnapshot::of(*task.status);
    const TaskTransition transition = classifyTransition(history.lastSnapshot, snapshot);
    const bool firstSighting = !history.lastSnapshot;
    history.lastSnapshot = snapshot;
    if (!firstSighting && transition.kind == TransitionKind::NoChange)
        return;
    const HistoryEntry::Event event = firstSighting ? HistoryEntry::Event::FirstSeen : eventFor(transition.kind);
    append(history, HistoryEntry {at, event, state, snapshot.percentComplete, snapshot.progress, {}, {}});
}

void HistoryLog::append(TaskHistory &history, HistoryEntry entry)
{
    if (history.entries.size() >= m_maxEntries) {
        // Drop the oldest progress step; keep the first sighting and every state change.
        auto oldestProgress = std::find_if(history.entries.begin(), history.entries.end(), [](const HistoryEntry &e) {
            return e.event == HistoryEntry::Event::Progressed;
        });
        history.entries.erase(oldestProgress != history.entries.end() ? oldestProgress : history.entries.begin() + 1);
    }
    history.entries.append(std::move(entry));
}

void HistoryLog::recordMarkedFinished(const QString &id, DisplayState state, const QString &actor, const QDateTime &at,
                                      bool confirmed)
{
    const auto event = confirmed ? HistoryEntry::Event::MarkedFinished : HistoryEntry::Event::MarkUnconfirmed;
    HistoryEntry entry {at, event, state, {}, {}, {}, actor};
    append(m_tasks[id], std::move(entry));
}

QList<HistoryEntry> HistoryLog::entries(const QString &id) const
{
    return m_tasks.value(id).entries;
}

QStringList HistoryLog::trackingIds(const QString &id) const
{
    QStringList ids;
    const auto it = m_tasks.constFind(id);
    if (it == m_tasks.constEnd())
        return ids;
    for (const HistoryEntry &entry : it->entries) {
        if (!entry.problem.trackingId.isEmpty() && !ids.contains(entry.problem.trackingId))
            ids.append(entry.problem.trackingId);
    }
    return ids;
}

HistoryLog::TaskHistory HistoryLog::take(const QString &id)
{
    return m_tasks.take(id);
}

void HistoryLog::restore(const QString &id, TaskHistory history)
{
    m_tasks.insert(id, std::move(history));
}

void HistoryLog::forget(const QString &id)
{
    m_tasks.remove(id);
}
