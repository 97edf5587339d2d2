#!/usr/bin/env bash
# Builds the Debian package and proves it: validates the desktop file, the AppStream metainfo and the
# package (lintian, no errors), installs it with apt, runs the installed programs (including a
# taskwatch-cli get against the installed taskwatch-sim), then removes the package again.
# Usage: scripts/package-check.sh [BUILD_DIR]   (default build; needs root or sudo to install)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"
(cd "$build" && cpack -G DEB >/dev/null)
version=$(sed -n 's/^#define TASKWATCH_VERSION "\(.*\)"/\1/p' "$build/generated/TaskwatchVersion.h")
deb=$(cd "$build" && pwd)/taskwatch_${version}_amd64.deb
echo "package-check: built $deb"

desktop-file-validate resources/io.github.taskwatch.Taskwatch.desktop
appstreamcli validate --no-net "$build/packaging/io.github.taskwatch.Taskwatch.metainfo.xml"
# lintian prints E: for errors; warnings are shown but do not fail the check.
lintian_out=$(lintian --allow-root "$deb" 2>&1 || true)
[ -z "$lintian_out" ] || echo "$lintian_out"
if echo "$lintian_out" | grep -q '^E:'; then
    echo "package-check: lintian reported errors" >&2
    exit 1
fi

cleanup() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq taskwatch >/dev/null 2>&1 || true; }
trap cleanup EXIT
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
echo "package-check: installed $(dpkg-query -W -f='${Package} ${Version}' taskwatch)"

[ "$(/usr/bin/taskwatch-cli --version)" = "taskwatch-cli $version" ]
QT_QPA_PLATFORM=offscreen /usr/bin/taskwatch --version | grep -qx "taskwatch $version"
/usr/bin/taskwatch-sim --version | grep -q "$version"

# The installed CLI against the installed simulated tenant, over loopback.
simlog=$(mktemp)
/usr/bin/taskwatch-sim --port 0 --tasks 5 --seed 7 >"$simlog" &
sim=$!
trap 'kill $sim 2>/dev/null || true; rm -f "$simlog"; cleanup' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$simlog" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$simlog")
[ -n "$url" ] || { echo "package-check: taskwatch-sim did not start" >&2; exit 1; }
id=$(SAIL_CLIENT_SECRET=demo /usr/bin/taskwatch-cli list --base-url "$url" --client-id demo --limit 1 --json \
    | sed -n 's/.*"id": *"\([0-9a-f]\{32\}\)".*/\1/p' | head -n 1)
[ -n "$id" ] || { echo "package-check: list returned no task" >&2; exit 1; }
SAIL_CLIENT_SECRET=demo /usr/bin/taskwatch-cli get "$id" --base-url "$url" --client-id demo
echo "package-check: installed taskwatch-cli fetched $id from the installed taskwatch-sim"
kill -TERM $sim && wait $sim
echo "package-check: OK"
