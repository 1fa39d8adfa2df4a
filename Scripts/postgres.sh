#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a folder of its own, on a
# loopback port, as an unprivileged user (the "postgres" account when run as root). Password
# authentication on TCP, so the tests can try a wrong one. Debian: apt-get install postgresql.
#
#   Scripts/postgres.sh start DIR [PORT]   # prints the URL of an empty database, "registry"
#   Scripts/postgres.sh createdb DIR NAME  # prints the URL of another empty database
#   Scripts/postgres.sh stop DIR
#   Scripts/postgres.sh resume DIR         # starts a stopped server again, on the same port
#   Scripts/postgres.sh psql DIR DB SQL    # runs SQL in database DB (unaligned, tuples only)
#
# Exit 4 when no PostgreSQL binaries are installed (the tests then say so and skip).
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$BIN" ]]; then
    echo "postgres.sh: no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 4
fi
PASSWORD=hangviet-test
command=${1:?usage: postgres.sh start|createdb|stop DIR}
dir=${2:?usage: postgres.sh start|createdb|stop DIR}

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port_of() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$dir/data/postgresql.auto.conf" | tail -1; }
url() { echo "postgres://hangviet:$PASSWORD@127.0.0.1:$(port_of)/$1"; }

case "$command" in
start)
    port=${3:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    echo "$PASSWORD" > "$dir/password"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir/password"
    as_owner "$BIN/initdb" -D "$dir/data" -U hangviet --pwfile="$dir/password" --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    echo "port = $port" >> "$dir/data/postgresql.auto.conf"
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$BIN/createdb" -h "$dir" -p "$port" -U hangviet registry
    url registry
    ;;
createdb)
    name=${3:?usage: postgres.sh createdb DIR NAME}
    as_owner "$BIN/createdb" -h "$dir" -p "$(port_of)" -U hangviet "$name"
    url "$name"
    ;;
resume)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
psql)
    db=${3:?usage: postgres.sh psql DIR DB SQL}
    sql=${4:?usage: postgres.sh psql DIR DB SQL}
    as_owner "$BIN/psql" -h "$dir" -p "$(port_of)" -U hangviet -d "$db" -v ON_ERROR_STOP=1 -qAt -c "$sql"
    ;;
stop)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
    ;;
*)
    echo "postgres.sh: unknown command $command (start, createdb, psql, stop or resume)" >&2
    exit 2
    ;;
esac
