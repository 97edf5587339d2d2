#include "WatchListCells.h"

#include "Formatting.h"
#include "WatchListModel.h"

#include <QCoreApplication>
#include <QLocale>

namespace WatchListCells {

namespace {

using Column = WatchListModel::Column;

} // namespace

QString columnTitle(int column)
{
    switch (column) {
    case Column::StateColumn:
        return QCoreApplication::translate("WatchListModel", "State");
    case Column::NameColumn:
        return QCoreApplication::translate("WatchListModel", "Name");
    case Column::IdColumn:
        return QCoreApplication::translate("WatchListModel", "Task id");
    case Column::TypeColumn:
        return QCoreApplication::translate("WatchListModel", "Type");
    case Column::TargetColumn:
        return QCoreApplication::translate("WatchListModel", "Target");
    case Column::LauncherColumn:
        return QCoreApplication::translate("WatchListModel", "Launcher");
    case Column::ProgressTextColumn:
        return QCoreApplication::translate("WatchListModel", "Progress");
    case Column::PercentColumn:
        return QCoreApplication::translate("WatchListModel", "Complete");
    case Column::LaunchedColumn:
        return QCoreApplication::translate("WatchListModel", "Launched");
    case Column::ElapsedColumn:
        return QCoreApplication::translate("WatchListModel", "Elapsed");
    case Column::EtaColumn:
        return QCoreApplication::translate("WatchListModel", "ETA");
    case Column::LastCheckedColumn:
        return QCoreApplication::translate("WatchListModel", "Last checked");
    case Column::ErrorColumn:
        return QCoreApplication::translate("WatchListModel", "Last fetch error");
    case Column::TenantColumn:
        return QCoreApplication::translate("WatchListModel", "Tenant");
    default:
        break;
    }
    return {};
}

QString headerToolTip(int column)
{
    switch (column) {
    case Column::ElapsedColumn:
        return QCoreApplication::translate("WatchListModel", "Running time so far, or how long a finished task ran");
    case Column::EtaColumn:
        return QCoreApplication::translate("WatchListModel",
                                           "Estimated time left, from how fast the percentage has been climbing");
    case Column::ErrorColumn:
        return QCoreApplication::translate("WatchListModel", "Why the last look at the task failed, if it did");
    case Column::TenantColumn:
        return QCoreApplication::translate("WatchListModel",
                                           "The connection profile the task is watched through; type "
                                           "tenant:NAME in the search to see only its tasks");
    default:
        break;
    }
    return {};
}

QString displayText(const WatchedTask &task, DisplayState state, int column)
{
    const TaskStatus *status = task.status ? &*task.status : nullptr;
    switch (column) {
    case Column::StateColumn: {
        QString text = displayStateName(state, TextLanguage::UserLanguage);
        if (task.stalled)
            text = QCoreApplication::translate("WatchListModel", "%1 · stalled").arg(text);
        if (task.overdue)
            text = QCoreApplication::translate("WatchListModel", "%1 · overdue").arg(text);
        return task.paused ? QCoreApplication::translate("WatchListModel", "%1 (paused)").arg(text) : text;
    }
    case Column::NameColumn:
        return task.displayName();
    case Column::IdColumn:
        return task.id;
    case Column::TypeColumn:
        return status ? status->type : QString();
    case Column::TargetColumn:
        return status && status->target ? status->target->name : QString();
    case Column::LauncherColumn:
        return status ? status->launcher : QString();
    case Column::ProgressTextColumn:
        return status ? status->progress.value_or(QString()) : QString();
    case Column::PercentColumn:
        return status && status->percentComplete ? QStringLiteral("%1 %").arg(*status->percentComplete) : QString();
    case Column::LaunchedColumn:
        return Formatting::localTime(status ? status->launched : QDateTime());
    case Column::LastCheckedColumn:
        return Formatting::localTime(task.checkedAt);
    case Column::ErrorColumn:
        return task.problem.text(TextLanguage::UserLanguage);
    case Column::TenantColumn:
        return task.profile;
    default:
        break;
    }
    return {};
}

QStringList lateText(const WatchedTask &task)
{
    QStringList lines;
    if (task.stalled)
        lines.append(QCoreApplication::translate("WatchListModel", "Stalled: no progress since %1")
                             .arg(QLocale().toString(task.lastMovedAt.toLocalTime(), QLocale::ShortFormat)));
    if (task.overdue && task.status)
        lines.append(QCoreApplication::translate("WatchListModel", "Overdue: usually %1, now %2")
                             .arg(Formatting::roughDuration(task.usualDuration.count() / 1000),
                                  Formatting::roughDuration(task.status->launched.secsTo(task.checkedAt))));
    return lines;
}

QString toolTipText(const WatchedTask &task, DisplayState state, int column)
{
    const TaskStatus *status = task.status ? &*task.status : nullptr;
    switch (column) {
    case Column::StateColumn:
        if (!task.problem.isNone())
            return displayStateName(state, TextLanguage::UserLanguage) + QStringLiteral(": ")
                    + task.problem.text(TextLanguage::UserLanguage);
        if (task.stalled || task.overdue)
            return lateText(task).join(u'\n');
        return displayStateName(state, TextLanguage::UserLanguage);
    case Column::NameColumn:
        return status ? status->description : QString();
    case Column::IdColumn:
        return task.id;
    case Column::ProgressTextColumn:
        return status ? status->progress.value_or(QString()) : QString();
    case Column::TargetColumn:
        if (status && status->target)
            return QCoreApplication::translate("WatchListModel", "%1 %2 (%3)")
                    .arg(status->target->type, status->target->name, status->target->id)
                    .trimmed();
        return {};
    case Column::LaunchedColumn:
        return Formatting::utcTime(status ? status->launched : QDateTime());
    case Column::LastCheckedColumn:
        if (task.nextCheckAt.isValid())
            return QCoreApplication::translate("WatchListModel", "%1; next check %2")
                    .arg(Formatting::utcTime(task.checkedAt), Formatting::localTime(task.nextCheckAt));
        return Formatting::utcTime(task.checkedAt);
    case Column::ErrorColumn:
        return task.problem.textWithHttpStatus(TextLanguage::UserLanguage);
    default:
        break;
    }
    return {};
}

} // namespace WatchListCells
