#pragma once

#include "models/TaskClearing.h"
#include "models/TaskStatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// What `taskwatch-cli clear` asks and prints, as pure functions.
namespace CliClearOutput {

// "3 h 12 min", "4 min", "12 s": how long a task has run (from launched, else created) until `now`; "-" when
// unknown.
QString runningFor(const TaskStatus &status, const QDateTime &now);
// The confirmation for a terminal: the tasks (id, state, running for, name), what clearing does and does not
// do, and the question ending in "[y/N] ".
QString question(const QList<TaskStatus> &tasks, TaskClearing::Mark mark, const QString &tenant, const QDateTime &now);
// y or yes (and the translation's own short and long yes), in any case; anything else is no.
bool isYes(const QString &answer);
// One line per result: what was done, or why not, with SailPoint's tracking id when there is one.
QString resultLine(const ClearResult &result);
// 0 every task marked or already finished; 2, 3, 4, 5 as for get (the first in that order wins).
int exitCode(const QList<ClearResult> &results);

} // namespace CliClearOutput
