#!/usr/bin/env bash
# REST API load benchmark: a release-built moltnetd on 127.0.0.1 with a fresh database, one seeded agent and a
# private diary of ENTRIES entries (default 10,000), driven by wrk (bench/api/api.lua) at CONNECTIONS
# connections (default 32) for DURATION seconds per operation (default 20, after a 3 s warm-up):
#   GET  /diaries/{id}/entries?limit=20&offset=…   paged listing
#   GET  /diaries/{id}/entries/{entryId}            one entry
#   POST /diaries/{id}/entries                      create
# Reports requests/s, p50/p90/p99 latency, errors (non-2xx and socket errors) and the server's RSS at rest
# and under load; rewrites the "Latest run" section of bench/api/RESULTS.md (set RESULTS=0 to only print).
#
#   bench/api/run.sh                                  uses the project-local Postgres (scripts/pg.sh)
#   MOLTNET_BENCH_DATABASE_URL=postgresql://…/postgres bench/api/run.sh
#   DURATION=10 CONNECTIONS=64 THREADS=2 BENCH_LOG_LEVEL=warning bench/api/run.sh
#   MOLTNETD=/path/to/moltnetd RESULTS=0 bench/api/run.sh   another build (e.g. an older commit), print only
#   MODES="list get" PERF=1 bench/api/run.sh    some operations only; PERF=1 records `perf` profiles of
#                                               moltnetd in .moltnet/bench-api/perf-<operation>.data
#
# Rate limits are raised through the server's own environment (RATE_LIMIT_AUTHENTICATED), never in code.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SERVER_URL=${MOLTNET_BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:${MOLTNET_PG_PORT:-54329}/postgres}
DATABASE=${BENCH_DATABASE:-moltnet_bench_api}
DATABASE_URL="${SERVER_URL%/*}/$DATABASE"
ENTRIES=${ENTRIES:-10000}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20}
PORT=${BENCH_PORT:-47810}
ADMIN_PORT=${BENCH_ADMIN_PORT:-47811}
LOG_LEVEL=${BENCH_LOG_LEVEL:-info}
WORK=$ROOT/.moltnet/bench-api
BASE=http://127.0.0.1:$PORT
mkdir -p "$WORK"

say() { printf 'bench/api: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# CPU time (utime + stime, clock ticks) of the given processes, summed.
cpu_ticks() {
    local pid total=0
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}
backend_pids() { psql -qAt "$SERVER_URL" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DATABASE'"; }
TICKS=$(getconf CLK_TCK)

command -v wrk >/dev/null || die "wrk is missing: run scripts/deps.sh"
command -v psql >/dev/null || die "psql is missing: run scripts/deps.sh"

if [ -n "${MOLTNETD:-}" ]; then
    BIN=$MOLTNETD
else
    say "building moltnetd (release)"
    swift build -c release --product moltnetd >/dev/null
    BIN=$(swift build -c release --show-bin-path)/moltnetd
fi

say "fresh database $DATABASE"
psql -q "$SERVER_URL" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$DATABASE\"" >/dev/null

SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap stop_server EXIT

say "starting moltnetd on $BASE (log level $LOG_LEVEL, log in $WORK/server.log)"
env DATABASE_URL="$DATABASE_URL" MOLTNET_LISTEN="127.0.0.1:$PORT" MOLTNET_ADMIN_LISTEN="127.0.0.1:$ADMIN_PORT" \
    MOLTNET_LOG_LEVEL="$LOG_LEVEL" MOLTNET_LOG_FORMAT=json MOLTNET_WORKFLOW_EXECUTOR_ID=bench-api \
    RATE_LIMIT_AUTHENTICATED=1000000000 RATE_LIMIT_ANONYMOUS=1000000000 \
    "$BIN" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
    curl -fsS "$BASE/ready" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "moltnetd exited: $(tail -5 "$WORK/server.log")"
    sleep 0.2
done
curl -fsS "$BASE/ready" >/dev/null || die "moltnetd did not become ready"

say "seeding an agent, a private diary and $ENTRIES entries"
KEY=ed25519:$(openssl genpkey -algorithm ed25519 | openssl pkey -pubout -outform DER | tail -c 32 | base64)
GENESIS=$(curl -fsS -X POST "http://127.0.0.1:$ADMIN_PORT/admin/moltnet/genesis" \
    -H 'Content-Type: application/json' -d "{\"name\":\"bench-agent\",\"public_key\":\"$KEY\"}")
CLIENT_ID=$(json client_id <<<"$GENESIS")
CLIENT_SECRET=$(json client_secret <<<"$GENESIS")
TOKEN=$(curl -fsS -X POST "$BASE/oauth2/token" --data-urlencode grant_type=client_credentials \
    --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" | json access_token)
DIARY=$(curl -fsS -X POST "$BASE/diaries" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench diary","visibility":"private"}' | json id)
# Bulk rows as the API would write them: entry rows plus each entry's DiaryEntry#parent tuple.
psql -q "$DATABASE_URL" -v ON_ERROR_STOP=1 -v diary="$DIARY" -v n="$ENTRIES" >/dev/null <<'SQL'
INSERT INTO diary_entries (diary_id, title, content, tags, importance, entry_type, created_at)
SELECT :'diary'::uuid, 'entry ' || i,
       'Seeded entry ' || i || ': agents keep persistent, searchable diaries as their memory; '
           || repeat('lorem ipsum dolor sit amet ', 8),
       ARRAY['bench', 'tag' || (i % 10)], 1 + i % 10, 'semantic', now() - make_interval(secs => i)
FROM generate_series(1, :n) AS i;
INSERT INTO relation_tuples (namespace, object, relation, subject_set_namespace, subject_set_object,
    subject_set_relation)
SELECT 'DiaryEntry', id::text, 'parent', 'Diary', :'diary', '' FROM diary_entries WHERE diary_id = :'diary'::uuid;
ANALYZE;
SQL
psql -qAt "$DATABASE_URL" -c "SELECT id FROM diary_entries ORDER BY random() LIMIT 2000" >"$WORK/entry-ids.txt"
curl -fsS "$BASE/diaries/$DIARY/entries?limit=1" -H "Authorization: Bearer $TOKEN" | grep -q "\"total\":$ENTRIES" \
    || die "the diary does not list $ENTRIES entries"

RSS_REST=$(rss_kib "$SERVER_PID")
say "server RSS at rest: $((RSS_REST / 1024)) MiB"

RESULTS_JSON=()
PEAKS=()
run_mode() {
    local mode=$1 peak=0 sampler
    BENCH_MODE=$mode BENCH_TOKEN=$TOKEN BENCH_DIARY=$DIARY BENCH_IDS_FILE=$WORK/entry-ids.txt \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/api/api.lua "$BASE" >/dev/null
    (
        local max=0 now
        while kill -0 "$SERVER_PID" 2>/dev/null; do
            now=$(rss_kib "$SERVER_PID")
            [ "$now" -gt "$max" ] && max=$now && echo "$max" >"$WORK/rss-peak"
            sleep 0.25
        done
    ) &
    sampler=$!
    local out backends server_before pg_before
    mapfile -t backends < <(backend_pids)
    server_before=$(cpu_ticks "$SERVER_PID")
    pg_before=$(cpu_ticks "${backends[@]}")
    local profiler=
    if [ "${PERF:-0}" = 1 ]; then
        perf record -q -g -o "$WORK/perf-$mode.data" -p "$SERVER_PID" -- sleep "$((DURATION - 2))" 2>/dev/null &
        profiler=$!
    fi
    out=$(BENCH_MODE=$mode BENCH_TOKEN=$TOKEN BENCH_DIARY=$DIARY BENCH_IDS_FILE=$WORK/entry-ids.txt \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/api/api.lua "$BASE")
    [ -z "$profiler" ] || wait "$profiler" || true
    local server_cpu=$(($(cpu_ticks "$SERVER_PID") - server_before))
    local pg_cpu=$(($(cpu_ticks "${backends[@]}") - pg_before))
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    peak=$(cat "$WORK/rss-peak" 2>/dev/null || echo 0)
    rm -f "$WORK/rss-peak"
    local line
    line=$(grep '^RESULT ' <<<"$out" | sed 's/^RESULT //')
    [ -n "$line" ] || die "wrk printed no result for $mode: $out"
    line="${line%\}},\"server_cpu_s\":$(awk -v t="$server_cpu" -v h="$TICKS" 'BEGIN {print t / h}'),"
    line+="\"postgres_cpu_s\":$(awk -v t="$pg_cpu" -v h="$TICKS" 'BEGIN {print t / h}')}"
    say "$mode: $line (peak RSS $((peak / 1024)) MiB)"
    RESULTS_JSON+=("$line")
    PEAKS+=("$peak")
}

for mode in ${MODES:-list get post}; do run_mode "$mode"; done
RSS_AFTER=$(rss_kib "$SERVER_PID")

CPU_MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
REPORT=$WORK/latest.md
{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($CPU_MODEL), load average before the run:" \
        "$(cut -d' ' -f1-3 /proc/loadavg). wrk ($THREADS threads, $CONNECTIONS connections, ${DURATION} s per" \
        "operation after a 3 s warm-up) shares the cores with moltnetd and PostgreSQL. Server log level" \
        "\`$LOG_LEVEL\`, $ENTRIES entries in one private diary, commit \`$(git describe --always --dirty)\`, binary \`$BIN\`."
    echo
    echo "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | moltnetd CPU µs/req" \
        "| Postgres CPU µs/req | peak RSS MiB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for i in "${!RESULTS_JSON[@]}"; do
        python3 - "${RESULTS_JSON[$i]}" "${PEAKS[$i]}" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); peak = int(sys.argv[2]) // 1024
names = {"list": "GET /diaries/{id}/entries (20 per page)", "get": "GET /diaries/{id}/entries/{entryId}",
         "post": "POST /diaries/{id}/entries"}
errors = r["errors_status"] + r["errors_connect"] + r["errors_read"] + r["errors_write"] + r["errors_timeout"]
print(f"| {names[r['mode']]} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} "
      f"| {r['max_ms']:.1f} | {errors} of {r['requests']} | {r['server_cpu_s'] * 1e6 / r['requests']:.0f} "
      f"| {r['postgres_cpu_s'] * 1e6 / r['requests']:.0f} | {peak} |")
PY
    done
    echo
    echo "Server RSS: $((RSS_REST / 1024)) MiB at rest after seeding, $((RSS_AFTER / 1024)) MiB after the load."
    echo "CPU µs/req: CPU time (user + system) the process (moltnetd) or the pool's backends (Postgres) used" \
        "during the measured run, divided by the requests served; unlike requests/s it hardly depends on" \
        "what else the machine runs."
} >"$REPORT"
cat "$REPORT"

if [ "${RESULTS:-1}" = 1 ]; then
    python3 - "$ROOT/bench/api/RESULTS.md" "$REPORT" <<'PY'
import sys
path, report = sys.argv[1], open(sys.argv[2]).read().strip()
begin, end = "<!-- latest-run:begin -->", "<!-- latest-run:end -->"
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# bench/api results\n\n## Latest run (bench/api/run.sh)\n\n" + begin + "\n" + end + "\n"
head, _, rest = text.partition(begin)
_, _, tail = rest.partition(end)
open(path, "w").write(head + begin + "\n" + report + "\n" + end + tail)
PY
    say "updated bench/api/RESULTS.md"
fi
