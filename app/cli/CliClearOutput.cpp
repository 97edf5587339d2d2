#include "CliClearOutput.h"

#include "CliOptions.h"

#include <QCoreApplication>

#include <algorithm>

namespace CliClearOutput {

QString runningFor(const TaskStatus &status, const QDateTime &now)
{
    const QDateTime since = status.launched.isValid() ? status.launched : status.created;
    if (!since.isValid() || !now.isValid() || since > now)
        return QStringLiteral("-");
    const qint64 seconds = since.secsTo(now);
    if (seconds < 60)
        return QCoreApplication::translate("CliClearOutput", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("CliClearOutput", "%1 min").arg(seconds / 60);
    return QCoreApplication::translate("CliClearOutput", "%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString question(const QList<TaskStatus> &tasks, TaskClearing::Mark mark, const QString &tenant, const QDateTime &now)
{
    QString text;
    for (const TaskStatus &status : tasks)
        text += QStringLiteral("  %1  %2  %3  %4\n")
                        .arg(status.id, taskStateName(status.state()),
                             QCoreApplication::translate("CliClearOutput", "running for %1")
                                     .arg(runningFor(status, now)),
                             status.uniqueName.simplified());
    const QString name = TaskClearing::markName(mark).translated();
    text += (tasks.size() == 1
                     ? QCoreApplication::translate("CliClearOutput", "Mark this task on %1 as %2, completed now?")
                     : QCoreApplication::translate("CliClearOutput", "Mark these %3 tasks on %1 as %2, completed now?")
                               .arg(QStringLiteral("%1"), QStringLiteral("%2"), QString::number(tasks.size())))
                    .arg(tenant, name)
            + u'\n'
            + QCoreApplication::translate("CliClearOutput",
                                          "This records an outcome in the tenant; it does not stop work that is still "
                                          "running there.")
            + u'\n' + QCoreApplication::translate("CliClearOutput", "Continue? [y/N] ");
    return text;
}

bool isYes(const QString &answer)
{
    const QString word = answer.trimmed();
    const QStringList yes {QStringLiteral("y"), QStringLiteral("yes"),
                           QCoreApplication::translate("CliClearOutput", "y", "the short yes of [y/N]"),
                           QCoreApplication::translate("CliClearOutput", "yes", "the long yes of [y/N]")};
    return std::any_of(yes.begin(), yes.end(),
                       [&](const QString &w) { return word.compare(w, Qt::CaseInsensitive) == 0; });
}

QString resultLine(const ClearResult &result)
{
    return result.sentence().translated().simplified();
}

int exitCode(const QList<ClearResult> &results)
{
    int code = CliExit::Ok;
    // The order of precedence of every command: 2, 3, 4, 5.
    const auto rank = [](int exit) {
        const QList<int> order {CliExit::Usage, CliExit::Auth, CliExit::NotFound, CliExit::Network, CliExit::Ok};
        return order.indexOf(exit);
    };
    for (const ClearResult &result : results) {
        int exit = CliExit::Ok;
        if (result.kind == ClearResult::Kind::Unconfirmed)
            exit = CliExit::Network;
        else if (result.kind == ClearResult::Kind::Failed)
            exit = result.problem.kind == FetchProblem::Kind::Auth        ? CliExit::Auth
                    : result.problem.kind == FetchProblem::Kind::NotFound ? CliExit::NotFound
                                                                          : CliExit::Network;
        if (rank(exit) < rank(code))
            code = exit;
    }
    return code;
}

} // namespace CliClearOutput
