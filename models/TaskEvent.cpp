#include "TaskEvent.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace TaskEvent {

QString name(Kind kind)
{
    switch (kind) {
    case Kind::Appeared:
        return QStringLiteral("appeared");
    case Kind::Started:
        return QStringLiteral("started");
    case Kind::Progressed:
        return QStringLiteral("progressed");
    case Kind::Finished:
        return QStringLiteral("finished");
    case Kind::Stalled:
        return QStringLiteral("stalled");
    case Kind::Overdue:
        return QStringLiteral("overdue");
    case Kind::Recovered:
        break;
    }
    return QStringLiteral("recovered");
}

QList<Kind> between(const WatchedTask &before, const WatchedTask &after)
{
    QList<Kind> events;
    if (!after.status)
        return events;
    const bool wasFinished = before.status && isFinished(before.status->state());
    const TaskState now = after.status->state();
    if (isFinished(now)) {
        if (before.stalled)
            events.append(Kind::Recovered);
        if (!wasFinished)
            events.append(Kind::Finished);
        return events;
    }
    if (!before.status)
        return events;
    const TaskState then = before.status->state();
    if (then == TaskState::Queued && now == TaskState::Running)
        events.append(Kind::Started);
    else if (now == TaskState::Running
             && (before.status->percentComplete != after.status->percentComplete
                 || before.status->progress != after.status->progress))
        events.append(Kind::Progressed);
    if (!before.overdue && after.overdue)
        events.append(Kind::Overdue);
    if (!before.stalled && after.stalled)
        events.append(Kind::Stalled);
    else if (before.stalled && !after.stalled)
        events.append(Kind::Recovered);
    return events;
}

QByteArray jsonLine(Kind kind, const QString &id, const QDateTime &at, const TaskStatus &status)
{
    const QJsonObject object {{QStringLiteral("event"), name(kind)},
                              {QStringLiteral("id"), id},
                              {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                              {QStringLiteral("status"), status.raw()}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace TaskEvent
