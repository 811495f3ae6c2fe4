#!/bin/sh
# Installs PostgreSQL's server (Debian's `postgresql` package) for tests/postgres.py, which makes
# a throw-away cluster of its own: the package's default cluster is not used. No-op when the
# server programs are there already. Needs root (apt-get).
set -eu

have_postgres() {
    for dir in "${PG_BINDIR:-}" "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
            return 0
        fi
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

if have_postgres; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq postgresql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
have_postgres || { echo "install_postgres.sh: postgresql installed, but no initdb/pg_ctl found" >&2; exit 1; }
