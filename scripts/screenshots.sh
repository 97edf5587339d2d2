#!/usr/bin/env bash
# Takes the README's screenshots: the real taskwatch on its demo tenant under a real X server (Xvfb), with
# the light and the dark palette, the failed demo task selected. Installs nothing: xvfb-run and ImageMagick's
# `import` come with scripts/ensure-deps.sh. The app saves its own window (--screenshot, after a few rounds
# of refreshes) and stays up a few seconds, in which `import` takes the whole X screen as a check that it
# really drew there.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build; run `make build` first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build}" && pwd)
app="$build/app/taskwatch"
out="$root/docs/screenshots"
failed_task=2c9180858b3d4e5f018b3e7a1f2d0c41 # DemoTenant::FailedTaskId

[ -x "$app" ] || { echo "screenshots: $app is not built (make build)" >&2; exit 1; }
for tool in xvfb-run xauth import identify; do
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
for palette in light dark; do
    window="$sandbox/main-$palette.png"
    screen="$sandbox/screen-$palette.png"
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        app=$1 palette=$2 task=$3 window=$4 screen=$5
        "$app" --demo --palette "$palette" --select "$task" --screenshot "$window" &
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
    ' _ "$app" "$palette" "$failed_task" "$window" "$screen"
    # The X screen must show the window, not a black nothing: count its colours.
    colours=$(identify -format '%k' "$screen")
    if [ "$colours" -lt 50 ]; then
        echo "screenshots: the X screen for $palette has only $colours colours; the window was not drawn" >&2
        exit 1
    fi
    cp "$window" "$out/main-$palette.png"
    echo "screenshots: $out/main-$palette.png ($(identify -format '%wx%h' "$window"), X screen $colours colours)"
done
