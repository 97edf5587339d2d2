#!/usr/bin/env bash
# The README's two-tenants screenshot, run by scripts/screenshots.sh inside its throw-away home and a private
# session bus (dbus-run-session): the real programs end to end, without the demo. Two simulated tenants
# (taskwatch-sim), their profiles saved by `taskwatch-cli login` with the secrets in a throw-away gnome-keyring,
# the sandbox marked to be watched alongside prod, and a watch list naming three tasks of each. The sandbox's
# Workday aggregation has been stuck at 40 % for three hours: it shows stalled, and it is selected.
# Usage (from screenshots.sh): dbus-run-session -- two-tenants-shot.sh BUILD_DIR WORK_DIR WINDOW_PNG SCREEN_PNG
set -euo pipefail
build=$1 work=$2 window=$3 screen=$4
id() { echo "2c9180858b3d4e5f018b3e7a1f2d0$1"; }

echo -n taskwatch-shots | gnome-keyring-daemon --unlock --components=secrets >/dev/null

cat >"$work/prod.json" <<EOF
[{"id":"$(id d01)","type":"CLOUD_ACCOUNT_AGGREGATION","target":"Active Directory [source]","createdAgo":60,
  "startDelay":0,"duration":900,"outcome":"SUCCESS"},
 {"id":"$(id d02)","type":"IDENTITY_REFRESH","target":null,"createdAgo":300,"startDelay":0,"duration":1200,
  "outcome":"SUCCESS"},
 {"id":"$(id d03)","type":"CLOUD_GROUP_AGGREGATION","target":"ServiceNow [source]","createdAgo":400,"startDelay":5,
  "duration":120,"outcome":"SUCCESS"}]
EOF
cat >"$work/sandbox.json" <<EOF
[{"id":"$(id e01)","type":"CLOUD_ACCOUNT_AGGREGATION","target":"Workday [source]","launcher":"scheduler",
  "createdAgo":10830,"startDelay":30,"duration":1800,"stuckAt":40},
 {"id":"$(id e02)","type":"CLOUD_ATTRIBUTE_SYNCHRONIZATION","target":"Okta [source]","createdAgo":120,"startDelay":0,
  "duration":600,"outcome":"SUCCESS"},
 {"id":"$(id e03)","type":"CLOUD_ACCOUNT_AGGREGATION","target":"Salesforce [source]","createdAgo":700,"startDelay":10,
  "duration":200,"outcome":"ERROR"}]
EOF

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for tenant in prod sandbox; do
    "$build/app/sim/taskwatch-sim" --port 0 --client-id "$tenant-client" --client-secret "$tenant-S3cret" \
        --scenario "$work/$tenant.json" >"$work/$tenant.log" 2>&1 &
    pids+=($!)
done
for tenant in prod sandbox; do
    for _ in $(seq 100); do
        grep -q '^listening on ' "$work/$tenant.log" && break
        sleep 0.1
    done
    url=$(sed -n 's/^listening on //p' "$work/$tenant.log")
    [ -n "$url" ] || { echo "two-tenants: the $tenant tenant did not start" >&2; exit 1; }
    echo "$tenant-S3cret" | "$build/app/cli/taskwatch-cli" login --profile "$tenant" --client-id "$tenant-client" \
        --base-url "$url"
done

# The sandbox is watched alongside the current profile, prod (what Settings › Connection would save).
conf="$XDG_CONFIG_HOME/Taskwatch/taskwatch.conf"
sed -i 's/^sandbox\\watchAlongside=false$/sandbox\\watchAlongside=true/' "$conf"
grep -q '^sandbox\\watchAlongside=true$' "$conf" || { echo "two-tenants: the sandbox is not marked" >&2; exit 1; }
printf '[General]\ncurrentProfile=prod\n' >>"$conf"

list="$XDG_DATA_HOME/Taskwatch/taskwatch/watchlist.json"
mkdir -p "$(dirname "$list")"
{
    printf '{"format":"taskwatch-watchlist","version":1,"tasks":['
    separator=
    for task in prod:d01 prod:d02 prod:d03 sandbox:e01 sandbox:e02 sandbox:e03; do
        printf '%s{"id":"%s","profile":"%s","status":null}' "$separator" "$(id "${task#*:}")" "${task%%:*}"
        separator=,
    done
    printf ']}\n'
} >"$list"

xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    build=$1 window=$2 screen=$3 task=$4
    "$build/app/taskwatch" --palette light --select "$task" --screenshot "$window" &
    pid=$!
    for _ in $(seq 600); do # up to a minute
        [ -s "$window" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ ! -s "$window" ]; then
        echo "two-tenants: taskwatch saved no picture" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
    fi
    import -window root "$screen"
    wait "$pid"
' _ "$build" "$window" "$screen" "$(id e01)"
