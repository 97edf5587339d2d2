#!/usr/bin/env bash
# Builds Taskwatch with AddressSanitizer + UndefinedBehaviorSanitizer (-DTASKWATCH_SANITIZE=ON) in its own
# build directory and runs the whole test suite on it (scripts/run-tests.sh). Any sanitizer report fails
# the test that caused it: ASan halts on the first error, UBSan does not recover (-fno-sanitize-recover),
# LeakSanitizer checks every process that exits, and child processes (taskwatch-sim, taskwatch-cli and the
# test helpers, all built the same way) inherit these settings.
# Usage: scripts/sanitize-tests.sh BUILD_DIR [extra ctest arguments, e.g. -LE soak]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [ctest arguments]" >&2; exit 2; }
build=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")

if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTASKWATCH_SANITIZE=ON
else
    cmake -S "$source_dir" -B "$build" -DTASKWATCH_SANITIZE=ON >/dev/null # never a build without the sanitizers
fi
cmake --build "$build"

# disable_coredump=0: ASan lowers the core-size limit of every process by default, which would hide what
# tst_coredumps checks (Taskwatch itself sets it to 0; TASKWATCH_ALLOW_CORE_DUMPS=1 leaves it alone).
export ASAN_OPTIONS="disable_coredump=0:halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:print_summary=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:print_summary=1"
export LSAN_OPTIONS="suppressions=$here/lsan-suppressions.txt:print_suppressions=0" # OpenSSL's, see there
"$here/run-tests.sh" "$build" "$@"
