#!/usr/bin/env bash
# Installs the official Ory Python clients (the wire-compatibility oracles for the admin listener) and
# pytest into a project-local virtual environment, idempotently.
#
#   scripts/python-ory.sh            creates .moltnet/venv-ory when needed and prints its python's path
#
# Needs python3 with the venv module (Debian: python3-venv) and PyPI. When everything is already present it
# only checks, and finishes in about a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="${MOLTNET_ORY_VENV:-$ROOT/.moltnet/venv-ory}"
REQUIREMENTS="$ROOT/scripts/python-ory-requirements.txt"

say() { printf 'python-ory: %s\n' "$*" >&2; }

command -v python3 >/dev/null 2>&1 || { say "python3 is missing: install it (apt-get install python3 python3-venv)"; exit 1; }

if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    mkdir -p "$(dirname "$VENV")"
    python3 -m venv "$VENV" || { say "python3 -m venv failed: install python3-venv"; exit 1; }
fi

# The requirements file pins exact versions; `pip install` is skipped when they all import already.
if ! "$VENV/bin/python" - "$REQUIREMENTS" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, _, wanted = line.partition("==")
    if version(name) != wanted:
        sys.exit(1)
PY
    say "installing $(grep -cv '^\s*\(#\|$\)' "$REQUIREMENTS") pinned packages from PyPI"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
fi
say "ready: $VENV"
printf '%s\n' "$VENV/bin/python"
