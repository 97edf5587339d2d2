#!/bin/sh
# The README's two set-up commands, `./make.sh run` and `./make.sh test`, and CI's (.ci/run). On a bare Debian 12
# (even one made with `debootstrap --variant=minbase`) `make` itself is missing: it is installed first, as root
# or through sudo, then the Makefile takes over; its `deps` step installs the rest of scripts/debian-packages.txt.
set -eu
cd "$(dirname "$0")"
if ! command -v make >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        echo "make.sh: make is missing, and installing it needs root or sudo" >&2
        exit 1
    fi
    echo "make.sh: installing make"
    # Through env: sudo would drop DEBIAN_FRONTEND from the environment.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make
fi
exec make "$@"
