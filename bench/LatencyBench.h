#pragma once

#include "BenchCommon.h"
#include "EngineBenches.h"

// How soon Taskwatch knows that a task has finished (issue 16): N running tasks on taskwatch-sim, of which some
// finish at known moments (the first at --first seconds, the last at --last); the time from each one's
// `completed` to the moment the watcher has it, for the engine as the desktop app runs it (its taskChanged,
// which the window's row follows in the same event) and for `taskwatch-cli wait` (the line it prints), each with
// the adaptive pace and with a fixed 5 s poll, all with the default share of the rate limit. The sim's request
// count is sampled every 250 ms: the most requests any 10 s held is reported beside the share.
namespace LatencyBench {

int run(const Bench::Args &args, const EngineBenches::Programs &programs);

} // namespace LatencyBench
