#!/usr/bin/env bash
# Console benchmarks (release build): `molt bench` (render + filter a 100k-row table off-screen, memory) and
# pty_latency.py (time to first screen and key-press latency of the real binary in a pseudo-terminal).
# Results are recorded by hand in bench/console/RESULTS.md.
#
#   bench/console/run.sh [rows]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROWS=${1:-100000}
cd "$ROOT"
swift build -c release --product molt >/dev/null
MOLT="$ROOT/.build/release/molt"
echo "== molt bench --rows $ROWS"
"$MOLT" bench --rows "$ROWS"
echo "== pty_latency.py"
python3 "$ROOT/bench/console/pty_latency.py" "$MOLT" 20 100
