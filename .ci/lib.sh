#!/usr/bin/env bash
# Shared shell functions for Koers' CI scripts. Source it: `. "$(dirname "$0")/lib.sh"`.
# Every ensure_* function is idempotent: it installs only what is missing.

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

# Print a section header.
section() {
    printf '\n==== %s ====\n' "$*"
}

# Print a message to stderr.
info() {
    printf '[koers] %s\n' "$*" >&2
}

# Print a message to stderr and exit.
die() {
    printf '[koers] FOUT: %s\n' "$*" >&2
    exit 1
}

_KOERS_APT_UPDATED=${_KOERS_APT_UPDATED:-0}

# ensure_apt <pkg...>: install the Debian packages that are not installed yet.
ensure_apt() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    info "apt: installing ${missing[*]}"
    if [ "$_KOERS_APT_UPDATED" != 1 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        _KOERS_APT_UPDATED=1
        export _KOERS_APT_UPDATED
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# ensure_chromium: headless Chromium and its WebDriver (for the browser tests).
ensure_chromium() {
    if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
        return 0
    fi
    ensure_apt chromium chromium-driver
}

# ensure_node: npm (the front-end build installs wasm-opt and the GraphiQL bundles from the npm registry).
ensure_node() {
    if command -v npm >/dev/null 2>&1; then
        return 0
    fi
    ensure_apt nodejs npm
}

# ensure_build_tools: what building Koers needs besides Rust: a C toolchain, gzip and npm.
ensure_build_tools() {
    command -v cargo >/dev/null 2>&1 || die "cargo is missing: install Rust via https://rustup.rs"
    if ! command -v cc >/dev/null 2>&1 || ! command -v gzip >/dev/null 2>&1; then
        ensure_apt build-essential gzip
    fi
    ensure_node
}

# Where the PostgreSQL 15 server binaries live.
KOERS_PG_BIN=${KOERS_PG_BIN:-/usr/lib/postgresql/15/bin}

# ensure_postgres: the PostgreSQL 15 server binaries and psql.
ensure_postgres() {
    if [ -x "$KOERS_PG_BIN/initdb" ] && [ -x "$KOERS_PG_BIN/pg_ctl" ] && command -v psql >/dev/null 2>&1; then
        return 0
    fi
    ensure_apt postgresql-15 postgresql-client-15
}

# ensure_rust_target <target>: a rustup target such as wasm32-unknown-unknown.
ensure_rust_target() {
    if rustup target list --installed 2>/dev/null | grep -qx "$1"; then
        return 0
    fi
    rustup target add "$1"
}

# ensure_rust_component <component...>: rustup components such as rustfmt and clippy.
ensure_rust_component() {
    local c
    for c in "$@"; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
            rustup component add "$c"
        fi
    done
}

# cd_repo_root: go to the workspace root (the folder above .ci/).
cd_repo_root() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." || die "cannot cd to the repository root"
}

# koers_bench <title> <subcommand> [args...]: build the release binaries, then run `koers-bench <subcommand>`.
koers_bench() {
    local title=$1 sub=$2
    shift 2
    cd_repo_root
    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
    section "release build"
    cargo build --release -p koers-backend --bins
    section "$title"
    "$CARGO_TARGET_DIR/release/koers-bench" "$sub" "$@"
}
