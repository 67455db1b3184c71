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

step "swift-format lint --strict"
swift format lint --strict -r Sources Tests Package.swift

step "build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors

step "tests"
swift test --skip-build -Xswiftc -warnings-as-errors "$@"

step "all tests passed"
