#!/usr/bin/env bash
# Hybrid search latency at 100,000 entries (ENTRIES to change, SEARCHES per scenario): a real MoltNet server
# in-process with the real embedding model, searched through the REST API and by SQL alone.
# Writes bench/search/RESULTS.md. Needs the model (scripts/models.sh install) and Postgres with pgvector.
#
#   bench/search/run.sh                          uses the project-local Postgres (scripts/pg.sh)
#   MOLTNET_BENCH_DATABASE_URL=postgresql://…/postgres bench/search/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SERVER=${MOLTNET_BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:${MOLTNET_PG_PORT:-54329}/postgres}
ENTRIES=${ENTRIES:-100000}
SEARCHES=${SEARCHES:-1000}

scripts/models.sh install
printf 'bench/search: building SearchBench (release)\n' >&2
swift build -c release --product SearchBench >/dev/null
"$ROOT/.build/release/SearchBench" "$SERVER" "$ENTRIES" "$SEARCHES" >"$ROOT/bench/search/RESULTS.md.new"
mv "$ROOT/bench/search/RESULTS.md.new" "$ROOT/bench/search/RESULTS.md"
cat "$ROOT/bench/search/RESULTS.md"
