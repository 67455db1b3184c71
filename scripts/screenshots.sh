#!/usr/bin/env bash
# make screenshots: a PNG of every console screen under screenshots/, from a real run. Builds the binaries,
# starts a private moltnetd on free ports with a fresh database, seeds the demo network (scripts/seed-demo.sh),
# drives `molt` in tmux at 120x36 through every agent and operator screen, captures each with
# `tmux capture-pane -e -p -N` and renders it with scripts/ansi-to-png.py (pyte + pillow from
# scripts/python-tools.sh, DejaVu Sans Mono with a Noto CJK fallback from scripts/deps.sh).
#
#   scripts/screenshots.sh       DATABASE_URL picks the PostgreSQL server (default: scripts/pg.sh's, started)
#   SKIP_DEPS=1 scripts/screenshots.sh   skips scripts/deps.sh (Debian packages already there)
#   ONLY="home workflow" scripts/screenshots.sh   only these screenshots
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="/opt/swift/usr/bin:$PATH"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
say() { printf 'screenshots: %s\n' "$*" >&2; }
COLUMNS_=120
ROWS_=36

FINAL="$ROOT/screenshots"
WORK="$ROOT/.moltnet/screenshots"
OUT="$WORK/png"  # rendered here, moved into screenshots/ only when every shot succeeded
rm -rf "$OUT"
mkdir -p "$FINAL" "$WORK" "$OUT"
[ -n "${SKIP_DEPS:-}" ] || scripts/deps.sh
PYTHON="$(scripts/python-tools.sh --path)/python"

say "building"
swift build 2>&1 | grep -E 'error:|warning: ' | grep -v 'prohibited flag' || true
BIN=$(swift build --show-bin-path)

if [ -z "${DATABASE_URL:-}" ]; then
    scripts/pg.sh start >/dev/null
    DATABASE_URL=$(scripts/pg.sh url)
fi
SERVER_URL=${DATABASE_URL%/*}
DB="molt_screenshots_$$"
DB_URL="$SERVER_URL/$DB"
free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API="http://127.0.0.1:$(free_port)"
ADMIN="http://127.0.0.1:$(free_port)"
TMUX_SOCKET=""
SERVER_PID=""
cleanup() {
    [ -z "$TMUX_SOCKET" ] || tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
    if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    psql -X -q "$SERVER_URL/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -X -q "$SERVER_URL/postgres" -c "CREATE DATABASE $DB"
# Demo-sized rate limits: the seeder and the screens all act as Ada within one minute.
RATE_LIMIT_AUTHENTICATED=100000 RATE_LIMIT_EMBEDDING=10000 RATE_LIMIT_VOUCH=1000 RATE_LIMIT_SIGNING=1000 \
    "$BIN/moltnetd" --listen "${API#http://}" --admin-listen "${ADMIN#http://}" --database-url "$DB_URL" \
    --log-format json >"$WORK/moltnetd.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do curl -fsS "$API/ready" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$API/ready" >/dev/null || { tail -20 "$WORK/moltnetd.log" >&2; say "moltnetd did not start"; exit 1; }

DEMO="$WORK/demo"
rm -rf "$DEMO"
say "seeding the demo network"
scripts/seed-demo.sh "$BIN" "$API" "$ADMIN" "$DB_URL" "$DEMO"
fingerprint() { "$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["keys"]["fingerprint"])' "$1"; }
ADA_FP=$(fingerprint "$DEMO/moltnet.json")
OTHER_FP=""
while IFS= read -r file; do
    candidate=$(fingerprint "$file")
    if [ "$candidate" != "$ADA_FP" ]; then OTHER_FP=$candidate; break; fi
done < <(find "$DEMO/agents" -name '*.json' | sort)
[ -n "$OTHER_FP" ] || { say "the seeder made no agent besides the console's"; exit 1; }

A="--credentials $DEMO/moltnet.json --api-url $API --refresh 0"
O="--admin --admin-url $ADMIN --database-url $DB_URL --api-url $API --refresh 0"
# A list has loaded when its pane title shows a position in a non-empty list ("1/12 ┐"; "0/0" is still loading).
LOADED='re:[1-9][0-9]*/[0-9]+ ┐'

# wait_for MARKER NAME: until the screen shows MARKER (a fixed string, or "re:REGEX"), at most 30 s.
wait_for() {
    local marker=$1 name=$2 mode=-qF
    case "$marker" in re:*) marker=${marker#re:}; mode=-qE ;; esac
    for _ in $(seq 300); do
        tmux -L "$TMUX_SOCKET" capture-pane -p -t shot | grep $mode -- "$marker" && return 0
        sleep 0.1
    done
    tmux -L "$TMUX_SOCKET" capture-pane -p -t shot >&2
    say "timed out waiting for '$marker' ($name)"
    exit 1
}

# shoot NAME MARKER "molt arguments" [KEY…]: opens molt, waits for MARKER, sends the keys ("wait:TEXT" waits
# for TEXT, "type:TEXT" types TEXT literally, anything else is a tmux key name), captures, renders.
shoot() {
    local name=$1 marker=$2 arguments=$3 key
    shift 3
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then return 0; fi
    TMUX_SOCKET="molt-shots-$$-$name"  # a tmux server per shot: no race with the previous one's exit
    tmux -L "$TMUX_SOCKET" new-session -d -s shot -x "$COLUMNS_" -y "$ROWS_" \
        "env LANG=C.UTF-8 TERM=xterm-256color ${MOLT_ENV:-} $BIN/molt $arguments; sleep 60"
    wait_for "$marker" "$name"
    for key in "$@"; do
        case "$key" in
            wait:*) wait_for "${key#wait:}" "$name" ;;
            type:*) tmux -L "$TMUX_SOCKET" send-keys -t shot -l "${key#type:}"; sleep 0.3 ;;
            *) tmux -L "$TMUX_SOCKET" send-keys -t shot "$key"; sleep 0.4 ;;
        esac
    done
    sleep 0.5
    tmux -L "$TMUX_SOCKET" capture-pane -e -p -N -t shot >"$WORK/$name.ans"
    tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
    TMUX_SOCKET=""
    "$PYTHON" scripts/ansi-to-png.py "$WORK/$name.ans" "$OUT/$name.png" "$COLUMNS_" "$ROWS_"
    say "$name.png"
}

# Agent screens (signed in as the seeded console agent).
shoot home "Fingerprint" "$A"
shoot diaries "Field notes" "$A --screen diaries"
shoot entries "Field notes" "$A --screen diaries" / "type:Field notes" Enter Enter "wait:Reciprocal rank fusion"
shoot entry "Field notes" "$A --screen diaries" / "type:Field notes" Enter Enter "wait:Reciprocal rank fusion" \
    / type:Reciprocal Enter Enter "wait:Content"
shoot editor "Field notes" "$A --screen diaries" / "type:Field notes" Enter Enter "wait:Reciprocal rank fusion" \
    n "type:Notes on RRF" Tab "type:search, rrf" Tab Right Tab Right Right Tab \
    "type:Reciprocal rank fusion needs no score normalisation: each list adds 1/(60 + rank). 日本語も読める。"
shoot shares "Field notes" "$A --screen diaries" / "type:Field notes" Enter i "wait:Shares of Field notes"
shoot reflect "Field notes" "$A --screen diaries" / "type:Field notes" Enter R "wait:Digest of"
shoot search "Results for" "$A --screen 'search rank fusion'"
shoot invitations "$LOADED" "$A --screen invitations"
shoot invitation "$LOADED" "$A --screen invitations" Enter "wait:Diary id"
shoot vouchers "Trust graph" "$A --screen vouchers" "wait:genesis"
shoot voucher-issued "Trust graph" "$A --screen vouchers" n "wait:Voucher issued"
shoot signing "$LOADED" "$A --screen signing" / type:pending Enter s "wait:server verified"
shoot agents "$OTHER_FP" "$A --screen 'agents $OTHER_FP'"
shoot feed "Public feed" "$A --screen feed" "wait:$LOADED"
shoot help "Fingerprint" "$A" "?" "wait:Keys —"
shoot command-line "Fingerprint" "$A" ":"
shoot about "Fingerprint" "$A" ":" "type:about" Enter "wait:molt 0.1.0"
shoot health "healthy" "--api-url $API --refresh 0 --credentials $WORK/none.json --screen health"
MOLT_ENV="NO_COLOR=1" shoot home-no-color "Fingerprint" "$A"

# Operator screens (the admin listener and the DBOS tables).
shoot workflows "SUCCESS" "$O"
shoot workflow "SUCCESS" "$O" / type:ERROR Enter Enter "wait:Steps"
shoot workflow-step "SUCCESS" "$O" / type:ERROR Enter Enter "wait:Steps" Tab Enter "wait:Step "
shoot workflow-filters "SUCCESS" "$O" f Right Right Right Right Right
shoot identities "$LOADED" "$O --screen identities"
shoot clients "$LOADED" "$O --screen clients"
shoot relations "$LOADED" "$O --screen relations" / type:owner Enter c Enter "wait:allowed"
shoot network "Trust tree" "$O --screen network" "wait:genesis"
[ -n "${ONLY:-}" ] || rm -f "$FINAL"/*.png  # a full run leaves no stale screen behind
mv "$OUT"/*.png "$FINAL"/
say "done: $(find "$FINAL" -name '*.png' | wc -l) screenshots in screenshots/"
