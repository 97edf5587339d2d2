#!/usr/bin/env bash
# Takes the README's five screenshots: the real taskwatch on its demo tenant under a real X server (Xvfb), in
# the default layout of a first run (nothing arranged for the picture): the window with the light and the dark
# palette and the failed demo task selected, the "Mark as finished" confirmation for the stuck task, and the
# failed task's long connector exception read whole (the detail view's "Open in a window" for its first
# error). Installs nothing: xvfb-run and ImageMagick's `import` come with scripts/ensure-deps.sh. The app saves
# its own picture (--screenshot, after a few rounds of refreshes) and stays up a few seconds, in which `import`
# takes the whole X screen as a check that it really drew there. The fifth, two tenants at once with a stalled
# task, runs the real programs without the demo: scripts/two-tenants-shot.sh.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build; run `make build` first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build}" && pwd)
app="$build/app/taskwatch"
out="$root/docs/screenshots"
failed_task=2c9180858b3d4e5f018b3e7a1f2d0c41 # DemoTenant::FailedTaskId
stuck_task=2c9180858b3d4e5f018b3e7a1f2d0c4b # DemoTenant::StuckTaskId: a Workday aggregation stuck at 40 % for hours

[ -x "$app" ] || { echo "screenshots: $app is not built (make build)" >&2; exit 1; }
for tool in xvfb-run xauth import identify dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (scripts/ensure-deps.sh)" >&2; exit 1; }
done

# A throw-away home: no settings, window layout, watch list or keyring of yours gets in or is changed.
sandbox=$(mktemp -d "${TMPDIR:-/tmp}/taskwatch-shots.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"
export HOME="$sandbox/home" XDG_RUNTIME_DIR="$sandbox/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb QT_LOGGING_RULES="taskwatch.*=false"
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS

mkdir -p "$out"
# shot NAME PALETTE TASK [--screenshot-of PART]: docs/screenshots/NAME.png
shot() {
    local name=$1 palette=$2 task=$3
    shift 3
    local window="$sandbox/$name.png" screen="$sandbox/screen-$name.png"
    rm -rf "$HOME/.config" # every picture is a first run: no layout saved by the one before
    xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
        app=$1 palette=$2 task=$3 window=$4 screen=$5
        shift 5
        "$app" --demo --palette "$palette" --select "$task" --screenshot "$window" "$@" &
        pid=$!
        for _ in $(seq 600); do # up to a minute
            [ -s "$window" ] && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if [ ! -s "$window" ]; then
            echo "screenshots: taskwatch saved no picture" >&2
            kill "$pid" 2>/dev/null || true
            exit 1
        fi
        import -window root "$screen"
        wait "$pid"
    ' _ "$app" "$palette" "$task" "$window" "$screen" "$@"
    keep "$name"
}

# keep NAME: the X screen must show the window, not a black nothing (count its colours); then the picture goes
# to docs/screenshots/NAME.png.
keep() {
    local name=$1 window="$sandbox/$1.png" screen="$sandbox/screen-$1.png"
    colours=$(identify -format '%k' "$screen")
    if [ "$colours" -lt 50 ]; then
        echo "screenshots: the X screen for $name has only $colours colours; the window was not drawn" >&2
        exit 1
    fi
    cp "$window" "$out/$name.png"
    echo "screenshots: $out/$name.png ($(identify -format '%wx%h' "$window"), X screen $colours colours)"
}

shot main-light light "$failed_task"
shot main-dark dark "$failed_task"
shot clear-task light "$stuck_task" --screenshot-of clear-dialog
shot long-message light "$failed_task" --screenshot-of message

rm -rf "$HOME/.config" "$HOME/.local" # a first run, in a keyring of its own
dbus-run-session -- "$here/two-tenants-shot.sh" "$build" "$sandbox" "$sandbox/two-tenants.png" \
    "$sandbox/screen-two-tenants.png"
keep two-tenants
