#pragma once

#include "models/WatchedTask.h"

#include <QString>
#include <QStringList>

// The texts of the watch list's cells and headers, for WatchListModel's display and tooltip roles.
// Plain functions of the task: the model keeps the rows, the clock and the estimates. Translated in
// WatchListModel's context, where they appear.
namespace WatchListCells {

QString columnTitle(int column); // WatchListModel::Column
QString headerToolTip(int column); // empty for columns that need no explanation

// Every column but Elapsed and ETA, which depend on the model's clock and estimates.
QString displayText(const WatchedTask &task, DisplayState state, int column);
QString toolTipText(const WatchedTask &task, DisplayState state, int column);
// Why a running task is flagged: "Stalled: no progress since …", "Overdue: usually 12 min, now 41 min"; empty
// when it is neither. The state cell's tooltip and the detail view.
QStringList lateText(const WatchedTask &task);

} // namespace WatchListCells
