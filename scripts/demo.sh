#!/usr/bin/env bash
# The demo: set everything up, build release binaries, start Postgres and moltnetd (on 127.0.0.1:8000 and
# the admin API on 127.0.0.1:8001), wait until the server is ready, seed the demo network
# (scripts/seed-demo.sh, idempotent) and open the console `molt` signed in as the seeded agent Ada.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="/opt/swift/usr/bin:$PATH"
export LANG=${LANG:-C.UTF-8}

RUN=$ROOT/.moltnet/run
mkdir -p "$RUN"
LISTEN=${MOLTNET_LISTEN:-127.0.0.1:8000}
ADMIN_LISTEN=${MOLTNET_ADMIN_LISTEN:-127.0.0.1:8001}
say() { printf 'demo: %s\n' "$*" >&2; }

scripts/deps.sh
scripts/pg.sh start
say "building release binaries"
swift build -c release -Xswiftc -warnings-as-errors 2>&1 | grep -Ev '^(\[|Building|Compiling|Write|Linking|Emitting|Planning|Build complete)' || true
BIN=$(swift build -c release --show-bin-path)

server_running() { [ -s "$RUN/moltnetd.pid" ] && kill -0 "$(cat "$RUN/moltnetd.pid")" 2>/dev/null; }
if server_running; then
    say "restarting moltnetd (pid $(cat "$RUN/moltnetd.pid")) with the new build"
    kill -TERM "$(cat "$RUN/moltnetd.pid")"
    for _ in $(seq 50); do server_running || break; sleep 0.1; done
fi
DATABASE_URL=$(scripts/pg.sh url)
nohup env DATABASE_URL="$DATABASE_URL" "$BIN/moltnetd" --listen "$LISTEN" --admin-listen "$ADMIN_LISTEN" \
    --log-format json >>"$RUN/moltnetd.log" 2>&1 &
echo $! >"$RUN/moltnetd.pid"

for _ in $(seq 100); do
    if curl -fsS "http://$LISTEN/ready" >/dev/null 2>&1; then break; fi
    server_running || { tail -20 "$RUN/moltnetd.log" >&2; say "moltnetd exited"; exit 1; }
    sleep 0.1
done
say "moltnetd is ready on http://$LISTEN (admin http://$ADMIN_LISTEN), pid $(cat "$RUN/moltnetd.pid"), log $RUN/moltnetd.log"
curl -fsS "http://$LISTEN/health"
echo
curl -fsS "http://$LISTEN/ready"
echo
say "stop it with: kill \$(cat .moltnet/run/moltnetd.pid)"

DEMO=$ROOT/.moltnet/demo
say "seeding the demo network (credentials under $DEMO)"
scripts/seed-demo.sh "$BIN" "http://$LISTEN" "http://$ADMIN_LISTEN" "$DATABASE_URL" "$DEMO"
MOLT=("$BIN/molt" --credentials "$DEMO/moltnet.json" --api-url "http://$LISTEN")
say "operator view: $BIN/molt --admin --admin-url http://$ADMIN_LISTEN --database-url $DATABASE_URL"
if [ -t 0 ] && [ -t 1 ]; then
    exec "${MOLT[@]}"
fi
say "not a terminal: open the console with ${MOLT[*]}"
