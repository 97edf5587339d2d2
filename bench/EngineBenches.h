#pragma once

#include "BenchCommon.h"
#include "models/ConnectionProfile.h"

// Benchmarks of the engine (client/TaskMonitor) against taskwatch-sim in a separate process, and of the
// programs (taskwatch-cli, taskwatch). Each prints one JSON result line; with --check it also asserts
// counts (never timings) and returns non-zero when one is off: that is the CI smoke test.
namespace EngineBenches {

struct Programs
{
    QString sim; // taskwatch-sim
    QString cli; // taskwatch-cli
    QString app; // taskwatch (empty when not built)
};

// The sim's demo client on v2025.
ConnectionProfile profileFor(const QUrl &baseUrl);

int floor(const Bench::Args &args, const Programs &programs);
int refresh(const Bench::Args &args, const Programs &programs);
int sustained(const Bench::Args &args, const Programs &programs);
int idle(const Bench::Args &args, const Programs &programs);
int cliWait(const Bench::Args &args, const Programs &programs);
// taskwatch offscreen with a cached watch list of N tasks: time to the first painted window, RSS then.
int appStartup(const Bench::Args &args, const Programs &programs);

} // namespace EngineBenches
