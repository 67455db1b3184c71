#!/usr/bin/env bash
# Seeds the demo network (genesis agents, agents registered with vouchers, diaries and entries, shares and
# pending invitations, vouchers, signing requests, workflows of every status) on a running moltnetd, and
# leaves the console agent's (Ada's) credentials at DIR/moltnet.json, the other agents' under DIR/agents/.
# Used by scripts/demo.sh (make demo) and scripts/screenshots.sh (make screenshots). Idempotent.
#
#   scripts/seed-demo.sh BIN_DIR API_URL ADMIN_URL DATABASE_URL DIR
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: scripts/seed-demo.sh BIN_DIR API_URL ADMIN_URL DATABASE_URL DIR" >&2; exit 2; }
BIN=$1 API=$2 ADMIN=$3 DB_URL=$4 DIR=$5

# The one seeding line: `molt-admin seed-demo` (docs/admin.md#seed-demo).
seed_demo() { "$BIN/molt-admin" seed-demo --api-url "$API" --admin-url "$ADMIN" --database-url "$DB_URL" --dir "$DIR"; }

seed_demo
[ -s "$DIR/moltnet.json" ] || { echo "seed-demo: the seeder left no $DIR/moltnet.json" >&2; exit 1; }
