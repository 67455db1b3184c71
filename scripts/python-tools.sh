#!/usr/bin/env bash
# Installs the Python tools that tests and benchmarks use into a project-local venv, idempotently.
#
#   scripts/python-tools.sh          creates .moltnet/python (a venv) and installs the pinned tools
#   scripts/python-tools.sh --path   prints the venv's bin folder (after installing if needed)
#
# Pinned tools:
#   dbos==3.4.0   the DBOS CLI (`dbos workflow list/steps`) and the DBOS Python SDK, used by the
#                 MoltWorkflows interoperability tests and by bench/workflows.
#   pyte==0.8.2, pillow==13.0.0
#                 a terminal emulator and an image library: scripts/ansi-to-png.py turns tmux captures of
#                 the console into the PNGs under screenshots/ (make screenshots).
#   mcp==2.3.0    the official MCP Python SDK, the client of the MCP endpoint tests (Tests/MoltServerTests/MCP).
#   pynacl==1.6.2 Ed25519 signing in those tests (the agent signs its signing requests locally).
# When everything is already installed it only checks, and finishes in well under a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/.moltnet/python"
PYTHON=${PYTHON:-python3}
REQUIREMENTS=(
    "dbos==3.4.0"
    "mcp==2.3.0"
    "pynacl==1.6.2"
    "pyte==0.8.2"
    "pillow==13.0.0"
)

say() { printf 'python-tools: %s\n' "$*" >&2; }

installed() {
    [ -x "$VENV/bin/python" ] || return 1
    local requirement name version
    for requirement in "${REQUIREMENTS[@]}"; do
        name=${requirement%%==*}
        version=${requirement##*==}
        [ "$("$VENV/bin/python" -c "import importlib.metadata as m; print(m.version('$name'))" 2>/dev/null)" = "$version" ] \
            || return 1
    done
}

if ! installed; then
    command -v "$PYTHON" >/dev/null || { say "no $PYTHON found: install python3 (scripts/deps.sh does)"; exit 1; }
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating venv at $VENV"
        mkdir -p "$ROOT/.moltnet"
        "$PYTHON" -m venv "$VENV"
    fi
    say "installing ${REQUIREMENTS[*]}"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
    installed || { say "installation did not leave ${REQUIREMENTS[*]} importable"; exit 1; }
fi

if [ "${1:-}" = "--path" ]; then
    printf '%s\n' "$VENV/bin"
else
    say "ready: $VENV (${REQUIREMENTS[*]})"
fi
