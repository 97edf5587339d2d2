#pragma once

// Processes that hold a client secret in memory (taskwatch, taskwatch-cli) write no core dump: a crash must
// not leave the secret, or an access token, in a file. A small platform seam: Linux does the work, elsewhere
// these are no-ops (Windows and macOS write no core files by default).
//
// On Linux the process is also made non-dumpable (PR_SET_DUMPABLE 0), as KeePassXC does: besides core
// dumps, that keeps other processes of the same user from attaching a debugger or reading its memory
// through /proc. To debug, set TASKWATCH_ALLOW_CORE_DUMPS=1 in the environment: both stay as they were.

// Call first thing in main(), before any secret is read.
void disableCoreDumps();

// Whether this process can write no core dump (the core size limit is 0 and, on Linux, it is not dumpable).
// True where core dumps are not this seam's business (not Linux).
bool coreDumpsDisabled();
