#include "Notifier.h"

#include <QLocale>

Notifier::Notifier(Clock clock)
    : m_clock(std::move(clock))
{ }

void Notifier::setSettings(const NotificationSettings &settings)
{
    m_settings = settings;
    m_settings.maxPerMinute = std::max(1, settings.maxPerMinute);
    m_pending.removeIf([this](const Event &event) { return !wanted(event.kind); });
}

void Notifier::baseline(const WatchedTask &task)
{
    if (task.status)
        m_last.insert(task.id, TaskSnapshot::of(*task.status));
}

void Notifier::observe(const WatchedTask &task)
{
    if (!task.status)
        return;
    const TaskSnapshot snapshot = TaskSnapshot::of(*task.status);
    const auto previous = m_last.constFind(task.id);
    const TaskTransition transition = classifyTransition(
            previous == m_last.constEnd() ? std::nullopt : std::optional<TaskSnapshot>(*previous), snapshot);
    m_last.insert(task.id, snapshot);

    std::optional<EventKind> kind;
    QString detail;
    switch (transition.kind) {
    case TransitionKind::Started:
        kind = EventKind::Started;
        break;
    case TransitionKind::Reappeared:
        if (snapshot.state == TaskState::Running)
            kind = EventKind::Started;
        break;
    case TransitionKind::Finished:
        switch (transition.outcome) {
        case TaskState::Success:
            kind = EventKind::Succeeded;
            break;
        case TaskState::Error:
        case TaskState::TempError:
            kind = EventKind::Failed;
            break;
        case TaskState::Terminated:
            kind = EventKind::Terminated;
            break;
        case TaskState::Warning:
        case TaskState::Unknown:
        case TaskState::Queued:
        case TaskState::Running:
            kind = EventKind::Warning;
            break;
        }
        break;
    case TransitionKind::NoChange:
    case TransitionKind::Progressed:
        break;
    }
    if (!task.stalled) {
        m_stalled.remove(task.id);
    } else if (!kind && !m_stalled.contains(task.id)) {
        m_stalled.insert(task.id);
        kind = EventKind::Stalled;
        detail = tr("No progress since %1.")
                         .arg(QLocale().toString(task.lastMovedAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (!kind || !wanted(*kind))
        return;

    // The first error message tells most; for a success, what it produced.
    for (const TaskMessage &message : task.status->messages) {
        if (*kind != EventKind::Stalled && message.type == TaskMessage::Type::Error) {
            detail = message.text();
            break;
        }
    }
    if (detail.isEmpty() && *kind == EventKind::Succeeded) {
        QStringList values;
        for (const ReturnValue &value : task.status->returnValues())
            values.append(value.text());
        detail = values.mid(0, 3).join(QStringLiteral(", "));
    }
    m_pending.removeIf([&task](const Event &event) { return event.id == task.id; });
    m_pending.append(Event {task.id, task.displayName(), *kind, detail});
}

void Notifier::forget(const QString &id)
{
    m_last.remove(id);
    m_stalled.remove(id);
    m_pending.removeIf([&id](const Event &event) { return event.id == id; });
}

std::optional<Notification> Notifier::take()
{
    if (m_pending.isEmpty())
        return std::nullopt;
    const QDateTime now = m_clock();
    prune(now);
    if (m_sentAt.size() >= m_settings.maxPerMinute)
        return std::nullopt;
    Notification notification = m_pending.size() == 1 ? single(m_pending.first()) : summary();
    m_pending.clear();
    m_sentAt.append(now);
    return notification;
}

QDateTime Notifier::nextAllowedAt() const
{
    const QDateTime now = m_clock();
    qsizetype recent = 0;
    for (const QDateTime &sent : m_sentAt) {
        if (sent.secsTo(now) < ThrottleWindowSeconds)
            ++recent;
    }
    if (recent < m_settings.maxPerMinute)
        return {};
    // The oldest of the recent ones has to leave the window before the next may go.
    const QDateTime oldestRecent = m_sentAt.at(m_sentAt.size() - recent);
    return oldestRecent.addSecs(ThrottleWindowSeconds);
}

bool Notifier::wanted(EventKind kind) const
{
    switch (kind) {
    case EventKind::Started:
        return m_settings.started;
    case EventKind::Succeeded:
        return m_settings.succeeded;
    case EventKind::Warning:
        return m_settings.warning;
    case EventKind::Failed:
        return m_settings.failed;
    case EventKind::Terminated:
        return m_settings.terminated;
    case EventKind::Stalled:
        return m_settings.stalled;
    }
    return false;
}

void Notifier::prune(const QDateTime &now)
{
    m_sentAt.removeIf([&now](const QDateTime &sent) { return sent.secsTo(now) >= ThrottleWindowSeconds; });
}

QString Notifier::kindText(EventKind kind)
{
    switch (kind) {
    case EventKind::Started:
        return tr("started");
    case EventKind::Succeeded:
        return tr("succeeded");
    case EventKind::Warning:
        return tr("finished with warnings");
    case EventKind::Failed:
        return tr("failed");
    case EventKind::Stalled:
        return tr("stalled");
    case EventKind::Terminated:
        break;
    }
    return tr("was terminated");
}

Notification::Severity Notifier::severityOf(EventKind kind)
{
    switch (kind) {
    case EventKind::Failed:
        return Notification::Severity::Critical;
    case EventKind::Warning:
    case EventKind::Terminated:
    case EventKind::Stalled:
        return Notification::Severity::Warning;
    case EventKind::Started:
    case EventKind::Succeeded:
        break;
    }
    return Notification::Severity::Information;
}

Notification Notifier::single(const Event &event) const
{
    Notification notification;
    notification.title = tr("Task %1: %2").arg(kindText(event.kind), event.name);
    notification.body = event.detail.isEmpty() ? event.name : event.detail;
    notification.severity = severityOf(event.kind);
    notification.taskIds = {event.id};
    return notification;
}

Notification Notifier::summary() const
{
    Notification notification;
    QHash<int, int> perKind;
    for (const Event &event : m_pending) {
        ++perKind[int(event.kind)];
        notification.taskIds.append(event.id);
        if (severityOf(event.kind) > notification.severity)
            notification.severity = severityOf(event.kind);
    }
    // Failures first: they are what the reader acts on.
    const EventKind order[] = {EventKind::Failed,  EventKind::Stalled,   EventKind::Terminated,
                               EventKind::Warning, EventKind::Succeeded, EventKind::Started};
    QStringList counts;
    for (const EventKind kind : order) {
        if (const int n = perKind.value(int(kind)))
            counts.append(QStringLiteral("%1 %2").arg(n).arg(kindText(kind)));
    }
    // Only ever for two or more events, so the plural needs no translation file to read right.
    notification.title = tr("%1 task updates: %2").arg(m_pending.size()).arg(counts.join(QStringLiteral(", ")));

    QStringList lines;
    for (const EventKind kind : order) {
        for (const Event &event : m_pending) {
            if (event.kind == kind && lines.size() < MaxNamesListed)
                lines.append(QStringLiteral("• %1 %2").arg(event.name, kindText(kind)));
        }
    }
    if (m_pending.size() > MaxNamesListed)
        lines.append(tr("…and %n more", nullptr, int(m_pending.size() - MaxNamesListed)));
    notification.body = lines.join(u'\n');
    return notification;
}
