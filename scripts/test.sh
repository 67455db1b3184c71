#!/usr/bin/env bash
# The whole test suite on this machine, from nothing: dependencies, Postgres, a build with warnings as
# errors, swift-format in strict mode, then every test (unit, Postgres integration, server, console in tmux).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="/opt/swift/usr/bin:$PATH"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

step() { printf '\n==> %s\n' "$*" >&2; }

step "dependencies"
scripts/deps.sh

step "project-local Postgres"
scripts/pg.sh start

step "dropping databases left by interrupted test runs"
for name in $(scripts/pg.sh psql -d postgres -tAc "SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'molt\_test\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)"); do
    scripts/pg.sh psql -d postgres -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
done

step "swift-format lint --strict"
swift format lint --strict -r Sources Tests bench Package.swift

step "build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors

step "tests"
# The log keeps the whole run; on failure its failing lines are repeated at the end, where a CI tail shows them.
mkdir -p .build
log=.build/test-run.log
set +e
swift test --skip-build -Xswiftc -warnings-as-errors "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    step "failures (whole log in $log)"
    grep -E '✘|error:|Fatal error|Assertion failed' "$log" | grep -v '^✘ Test run' | head -60 >&2 || true
    exit "$status"
fi

step "all tests passed"
