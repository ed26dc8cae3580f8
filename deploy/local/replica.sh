#!/usr/bin/env bash
# A streaming read replica of a local PostgreSQL, for trying (and testing) the API's read-replica routing.
#
#   deploy/local/replica.sh start [--primary-port 5432] [--port 5433] [--dir /tmp/tincoso-replica]
#       copies the primary with pg_basebackup (every database on it) and starts the copy as a hot standby on
#       --port, streaming from the primary. On the machine's own cluster it first allows replication
#       connections from 127.0.0.1 in pg_hba.conf if they are not (and reloads it).
#   deploy/local/replica.sh check [--primary-port 5432] [--port 5433]
#       runs the packaged API against both (database tincoso_replica_check, created and dropped here) and shows
#       that public reads come from the replica and writes and "Consistency: strong" reads from the primary.
#   deploy/local/replica.sh stop [--dir /tmp/tincoso-replica]
#       stops the replica and deletes its folder.
#   deploy/local/replica.sh primary --port 5440 --dir DIR
#       a scratch primary cluster of its own (initdb), for tests that must not copy the machine's databases.
#
# The PostgreSQL server programs come from $PG_BIN (default: the newest /usr/lib/postgresql/*/bin). As root,
# they run as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=deploy/lib/app.sh
. deploy/lib/app.sh
command=${1:-}
shift || true
primary_port=5432
port=5433
dir=${TMPDIR:-/tmp}/tincoso-replica
while [ $# -gt 0 ]; do
    case "$1" in
        --primary-port) primary_port=$2; shift ;;
        --port) port=$2; shift ;;
        --dir) dir=$2; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

own_folder() {
    mkdir -p "$(dirname "$dir")"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$dir"; else install -d -m 700 "$dir"; fi
}

await() {
    for _ in $(seq 1 60); do
        "$bin/pg_isready" -q -h 127.0.0.1 -p "$1" && return 0
        sleep 0.5
    done
    echo "PostgreSQL on port $1 did not come up; see $dir/server.log" >&2
    exit 1
}

start_server() {
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir" start >/dev/null
    await "$port"
}

allow_replication() {
    # Only the machine's own cluster (pg_ctlcluster's) is edited; any other primary must allow it itself.
    local hba
    hba=$(psql -h 127.0.0.1 -p "$primary_port" -U postgres -Atc "show hba_file")
    case "$hba" in /etc/postgresql/*) ;; *) return 0 ;; esac
    if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
        echo "Allowing replication connections from 127.0.0.1 in $hba" >&2
        echo "host replication all 127.0.0.1/32 trust" >> "$hba"
        psql -h 127.0.0.1 -p "$primary_port" -U postgres -qAtc "select pg_reload_conf()" >/dev/null
    fi
}

# Counts the articles a GET of the feed returns, with any extra curl arguments (headers).
count_articles() {
    curl -fsS "$@" "$api/api/v1/articles?limit=100&fields=id" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))'
}

import_article() {
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/plain; charset=UTF-8' \
        --data-binary "Phường Bách Khoa họp kiểm tra bản sao lần $1
Ngày đăng 03/06/2024 | 14:3$1

Sáng ngày 31/5, Đảng ủy phường Bách Khoa đã tổ chức hội nghị lần $1." "$api/api/v1/imports"
}

check() {
    # Globals, not locals: the EXIT trap below runs after this function has returned.
    database=tincoso_replica_check
    app_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    api=http://127.0.0.1:$app_port
    PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -p "$primary_port" -U postgres -qc "drop database if exists $database with (force)"
    createdb -h 127.0.0.1 -p "$primary_port" -U postgres --encoding=UTF8 --template=template0 "$database"
    trap 'app_stop
          PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -p "$primary_port" -U postgres -qc "drop database if exists $database with (force)"' EXIT
    app_build_if_missing
    app_start "the API" "${TMPDIR:-/tmp}/tincoso-replica-check.log" \
        QUARKUS_HTTP_PORT="$app_port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$primary_port/$database" \
        QUARKUS_DATASOURCE_REPLICA_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/$database" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION=deploy/local/jwt/dev-public.pem
    app_wait_ready "$api" 60
    token=$(deploy/local/mint-token.sh --role admin)

    import_article 1
    for _ in $(seq 1 60); do [ "$(count_articles)" = 1 ] && break; sleep 0.5; done
    echo "Written to the primary, read back from the replica: $(count_articles) article(s)"
    psql -h 127.0.0.1 -p "$port" -U postgres -qAtc "select pg_wal_replay_pause()" >/dev/null
    import_article 2
    local public strong
    public=$(count_articles) strong=$(count_articles -H 'Consistency: strong')
    psql -h 127.0.0.1 -p "$port" -U postgres -qAtc "select pg_wal_replay_resume()" >/dev/null
    echo "With the replica's replay paused, a second article written: public read $public, Consistency: strong $strong"
    if [ "$public" != 1 ] || [ "$strong" != 2 ]; then
        echo "FAILED: expected 1 from the replica and 2 from the primary" >&2
        exit 1
    fi
    echo "OK: public reads come from the replica, writes and strong reads from the primary"
}

case "$command" in
    primary)
        own_folder
        as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        start_server
        ;;
    start)
        allow_replication
        own_folder
        # -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
        as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir" -R -X stream -c fast
        # A Debian cluster keeps its configuration under /etc, outside the copied folder: the replica gets
        # PostgreSQL's defaults and the same local trust as the machine's cluster.
        if [ ! -f "$dir/postgresql.conf" ]; then
            as_postgres touch "$dir/postgresql.conf"
            printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$dir/pg_hba.conf" >/dev/null
        fi
        start_server
        echo "Replica of 127.0.0.1:$primary_port streaming on 127.0.0.1:$port ($dir)" >&2
        ;;
    stop)
        if [ -f "$dir/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
        rm -rf "$dir"
        ;;
    check)
        check
        ;;
    *)
        sed -n '2,20p' "$0" >&2
        exit 2
        ;;
esac
