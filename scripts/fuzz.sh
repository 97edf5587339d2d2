#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (-fsanitize=fuzzer,address,undefined; the libraries with
# -fsanitize=fuzzer-no-link so that coverage of the parsers guides the fuzzer) in a build directory of their
# own, and runs each one for a bounded time, starting from the inputs in tests/data/ (the spec examples and
# the saved fuzz regressions). An input that crashes a target, breaks one of its properties (fuzz/FuzzChecks),
# leaks, or takes too long is copied to tests/data/fuzz-regressions/<target>/ — where the normal test suite
# replays it (tests/hardening/tst_fuzzregressions) — and the script fails.
# Usage: scripts/fuzz.sh [BUILD_DIR (build-fuzz)] [SECONDS per target (30)] [target...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
build=${1:-$source_dir/build-fuzz}
seconds=${2:-30}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(taskstatus apierror pastedids idfilter)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (Debian: clang, libclang-rt-14-dev)" >&2; exit 2; }
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTASKWATCH_FUZZ=ON -DTASKWATCH_SANITIZE=ON -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link
fi
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
regressions=$source_dir/tests/data/fuzz-regressions
status=0
for target in "${targets[@]}"; do
    corpus=$build/fuzz-corpus/$target # grows from run to run; the seeds stay read-only
    artifacts=$build/fuzz-artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    log=$build/fuzz-$target.log
    echo "fuzz.sh: fuzz_$target for ${seconds} s (log: $log)"
    if "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "$regressions/$target" "$source_dir/tests/data/spec" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$log" | sed "s/^/  /" || true
    else
        status=1
        echo "fuzz.sh: fuzz_$target failed:" >&2
        grep -E 'ERROR|FuzzChecks|SUMMARY' "$log" | head -5 >&2 || true
    fi
    for found in "$artifacts"/*; do
        [ -e "$found" ] || continue
        cp "$found" "$regressions/$target/"
        echo "fuzz.sh: saved $(basename "$found") to tests/data/fuzz-regressions/$target/ (fix, then keep it)" >&2
        rm "$found"
    done
done
exit $status
