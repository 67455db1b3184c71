#!/usr/bin/env bash
# MoltClient's DBOS workflow reader on 100,000 workflows (WORKFLOWS to change): list latency per filter,
# a walk through every keyset page, and the OFFSET query it avoids. Writes bench/client-dbos/RESULTS.md.
#
#   bench/client-dbos/run.sh                          uses the project-local Postgres (scripts/pg.sh)
#   MOLTNET_BENCH_DATABASE_URL=postgresql://…/postgres bench/client-dbos/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SERVER=${MOLTNET_BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:${MOLTNET_PG_PORT:-54329}/postgres}
WORKFLOWS=${WORKFLOWS:-100000}

printf 'bench/client-dbos: building ClientDBOSBench (release)\n' >&2
swift build -c release --product ClientDBOSBench >/dev/null
printf 'bench/client-dbos: %s workflows\n' "$WORKFLOWS" >&2
"$ROOT/.build/release/ClientDBOSBench" "$SERVER" "$WORKFLOWS" | tee "$ROOT/bench/client-dbos/RESULTS.md"
