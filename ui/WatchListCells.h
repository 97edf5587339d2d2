#pragma once

#include "models/WatchedTask.h"

#include <QString>

// The texts of the watch list's cells and headers, for WatchListModel's display and tooltip roles.
// Plain functions of the task: the model keeps the rows, the clock and the estimates. Translated in
// WatchListModel's context, where they appear.
namespace WatchListCells {

QString columnTitle(int column); // WatchListModel::Column
QString headerToolTip(int column); // empty for columns that need no explanation

// Every column but Elapsed and ETA, which depend on the model's clock and estimates.
QString displayText(const WatchedTask &task, DisplayState state, int column);
QString toolTipText(const WatchedTask &task, DisplayState state, int column);

} // namespace WatchListCells
