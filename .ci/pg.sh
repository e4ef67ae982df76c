#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for Koers' tests.
#
#   .ci/pg.sh start   start a fresh server (replaces a stale one) with an empty database `koers_test`
#   .ci/pg.sh url     print its connection URL: postgres://postgres@127.0.0.1:PORT/koers_test
#   .ci/pg.sh stop    stop it and remove its folder
#
# Settings: KOERS_PG_DIR (default /tmp/koers-pg-$UID), KOERS_PG_PORT (default 55432; when busy, the next free
# port is taken and remembered in $KOERS_PG_DIR/port). The server runs as the `postgres` user when we are root,
# with trust authentication, fsync off, listening on 127.0.0.1 only.
set -euo pipefail

# shellcheck source=.ci/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DIR=${KOERS_PG_DIR:-/tmp/koers-pg-${UID:-$(id -u)}}
PG_PORT=${KOERS_PG_PORT:-55432}
PG_DB=koers_test

# Run a command as the server's owner.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        # runuser keeps the arguments intact (no shell quoting as with `su -c`).
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_server() {
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_pg "$KOERS_PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
}

current_port() {
    [ -f "$PG_DIR/port" ] || die "no PostgreSQL test server in $PG_DIR; run .ci/pg.sh start"
    cat "$PG_DIR/port"
}

start_server() {
    ensure_postgres
    stop_server # a stale server or folder from an earlier run
    local port=$PG_PORT
    while port_busy "$port"; do
        port=$((port + 1))
        [ "$port" -lt $((PG_PORT + 100)) ] || die "no free port in $PG_PORT..$((PG_PORT + 99))"
    done
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "user postgres is missing (apt-get install postgresql-15 creates it)"
        chown postgres:postgres "$PG_DIR"
    fi
    as_pg "$KOERS_PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    if ! as_pg "$KOERS_PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        cat "$PG_DIR/log" >&2 || true
        die "PostgreSQL did not start"
    fi
    echo "$port" >"$PG_DIR/port"
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
    info "PostgreSQL test server on port $port ($PG_DIR)"
}

case "${1:-}" in
start) start_server ;;
stop) stop_server ;;
url)
    port=$(current_port)
    echo "postgres://postgres@127.0.0.1:$port/$PG_DB"
    ;;
*)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
