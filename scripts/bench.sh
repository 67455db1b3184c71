#!/usr/bin/env bash
# Runs every benchmark under bench/ (each bench/<name>/run.sh records its results in bench/<name>/RESULTS.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="/opt/swift/usr/bin:$PATH"
scripts/deps.sh
scripts/pg.sh start
for runner in bench/*/run.sh; do
    [ -x "$runner" ] || continue
    printf '\n==> %s\n' "$runner" >&2
    "$runner"
done
