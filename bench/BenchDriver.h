#pragma once

#include "BenchCommon.h"

// `taskwatch-bench all`: runs every benchmark several times, each run in a fresh process (so that peak RSS
// and CPU belong to that run alone), prints a table of medians and writes every run and median to JSON.
namespace BenchDriver {

int run(const Bench::Args &args, const QString &benchProgram, const QString &uiBenchProgram, bool appAvailable);

} // namespace BenchDriver
