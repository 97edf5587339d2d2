#pragma once

#include "BenchCommon.h"

// Benchmarks of the widgets side, in-process and without a network: parsing and applying statuses to
// ui/WatchListModel, and showing MainWindow with a large cached watch list.
namespace UiBenches {

int update(const Bench::Args &args);
int makeWatchList(const Bench::Args &args);
int window(const Bench::Args &args, double processStartMs);

} // namespace UiBenches
