#!/usr/bin/env bash
# Runs the whole test suite against real components: a private session D-Bus with a freshly
# unlocked gnome-keyring (the Secret Service the keychain tests talk to), a private HOME, XDG_RUNTIME_DIR
# and TMPDIR, and Qt's offscreen platform for the widget tests.
# Usage: scripts/run-tests.sh BUILD_DIR [extra ctest arguments, e.g. -L unit]
set -euo pipefail
build=$(cd "$1" && pwd)
shift

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/taskwatch-test.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
chmod 711 "$sandbox" # others may pass through, not list: tst_coredumps runs programs as nobody from a folder in it
mkdir -p "$sandbox/home" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export TMPDIR="$sandbox" # temporary files of the tests and the programs they start stay in the sandbox too
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export QT_QPA_PLATFORM=offscreen
# As many tests at once as there are cores (ctest -jN or CTEST_PARALLEL_LEVEL overrides): most of a test's time
# is spent waiting on sockets and timers. The tests keep their files in their own temporary folders and start
# their own sims on ports the system picks.
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(nproc)}
# The tests read English texts unless they ask for a language (the German ones set LANG/LC_ALL themselves).
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE LC_MESSAGES
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# The keyring password only unlocks this throw-away keyring inside $sandbox.
exec dbus-run-session -- bash -c '
    echo -n taskwatch-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --test-dir "$0" --output-on-failure --no-tests=error "$@"
' "$build" "$@"
