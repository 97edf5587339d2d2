#include "TaskClearing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace TaskClearing {

std::optional<Mark> markFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.compare(u"error", Qt::CaseInsensitive) == 0)
        return Mark::Error;
    if (trimmed.compare(u"terminated", Qt::CaseInsensitive) == 0)
        return Mark::Terminated;
    return std::nullopt;
}

QString markValue(Mark mark)
{
    return mark == Mark::Terminated ? QStringLiteral("TERMINATED") : QStringLiteral("ERROR");
}

Sentence markName(Mark mark)
{
    return mark == Mark::Terminated ? Sentence::translate("TaskClearing", "Terminated")
                                    : Sentence::translate("TaskClearing", "Error");
}

TaskState markState(Mark mark)
{
    return mark == Mark::Terminated ? TaskState::Terminated : TaskState::Error;
}

bool mayClear(TaskState state)
{
    return !isFinished(state);
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray patchBody(Mark mark, const QDateTime &now)
{
    const auto replace = [](const QString &path, const QString &value) {
        return QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                            {QStringLiteral("path"), path},
                            {QStringLiteral("value"), value}};
    };
    const QJsonArray patch {replace(QStringLiteral("/completionStatus"), markValue(mark)),
                            replace(QStringLiteral("/completed"), rfc3339(now))};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

} // namespace TaskClearing

QString clearedBy(const QString &clientId, const QString &profile)
{
    if (profile.isEmpty())
        return QStringLiteral("client id %1").arg(clientId);
    return QStringLiteral("client id %1 (profile %2)").arg(clientId, profile);
}

Sentence ClearResult::sentence() const
{
    const Sentence mark = TaskClearing::markName(this->mark);
    const QString name = status ? status->uniqueName : QString();
    const QString task = name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, name);
    switch (kind) {
    case Kind::Cleared:
        return Sentence::translate("TaskClearing", "Task %1 is now marked as %2.").arg(task).arg(mark);
    case Kind::AlreadyFinished:
        return Sentence::translate("TaskClearing", "Task %1 had already finished (%2): left as it is.")
                .arg(task)
                .arg(status ? taskStateName(status->state()) : QString());
    case Kind::Unconfirmed:
        return Sentence::translate("TaskClearing",
                                   "Task %1: asked to mark it as %2, but it could not be confirmed (%3). It may or "
                                   "may not be marked; the request was not sent again. Refresh the task before "
                                   "trying again.")
                .arg(task)
                .arg(mark)
                .arg(problem.sentence());
    case Kind::Failed:
        break;
    }
    return Sentence::translate("TaskClearing", "Task %1 was not changed: %2").arg(task).arg(problem.sentence());
}
