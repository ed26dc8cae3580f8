#!/usr/bin/env bash
# Checks that the README's run command needs no PostgreSQL server: runs deploy/local/run-demo.sh with PGPORT on a
# port where nothing listens (so it starts its embedded PostgreSQL, in a fresh folder under target/) and a free
# HTTP port, waits until the API is ready, checks that the demo feed answers 200 with entries whose links point at
# that port and answer, then stops dev mode and checks that the embedded server stopped with it. Exit 0 when every check passes. Used by CI.
#
#   deploy/local/check-run-without-postgres.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/app.sh
. deploy/lib/app.sh

work=target/check-run-without-postgres
log=$work/run-demo.log
feed=$work/articles.atom

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first port from $1 on that nothing listens on and no PostgreSQL cluster of this machine is set up for.
unused_port() {
    local port=$1 clusters
    clusters=$(pg_lsclusters -h 2>/dev/null | awk '{ print $3 }' || true)
    while listening "$port" || grep -qx "$port" <<< "$clusters"; do
        port=$((port + 1))
    done
    echo "$port"
}

# The processes that run PostgreSQL on the check's data folder, if any are left.
embedded_processes() {
    ps -eo pid=,args= | awk -v data="$work/embedded/data" 'index($0, data) && !/awk/ { print $1 }'
}

cleanup() {
    local status=$? deadline=$((SECONDS + 30))
    if [ "$status" != 0 ]; then
        tail -n 30 "$log" "$work/embedded/launcher.log" "$work/embedded/server.log" >&2 2>/dev/null || true
    fi
    app_stop
    while [ -n "$(embedded_processes)" ] && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.5
    done
    if [ -n "$(embedded_processes)" ]; then
        echo "FAILED: the embedded PostgreSQL outlived the run command: $(embedded_processes | paste -sd ' ')" >&2
        # shellcheck disable=SC2046 # one process id per word
        kill $(embedded_processes) 2>/dev/null || true
        status=1
    fi
    [ "$status" != 0 ] || rm -rf "$work"
    exit "$status"
}

rm -rf "$work"
mkdir -p "$work"
pg_port=$(unused_port 5499)
http_port=$(unused_port 8095)
echo "Run command with PGPORT=$pg_port (nothing listens there) and -Dquarkus.http.port=$http_port" >&2
trap cleanup EXIT
app_run "the run command" "$log" env PGHOST=127.0.0.1 PGPORT="$pg_port" TINCOSO_EMBEDDED_PG_FOLDER="$work/embedded" \
    deploy/local/run-demo.sh -Dquarkus.http.port="$http_port"
app_wait_ready "http://127.0.0.1:$http_port" 240

grep -q "^Embedded PostgreSQL .* started on 127.0.0.1:$pg_port" "$log" || fail "the run command did not say it started an embedded PostgreSQL"
status=$(curl -sS -o "$feed" -w '%{http_code}' --max-time 30 "http://127.0.0.1:$http_port/api/v1/feeds/articles.atom")
[ "$status" = 200 ] || fail "the demo feed answered $status"
entries=$(grep -o '<entry' "$feed" | wc -l)
[ "$entries" -gt 0 ] || fail "the demo feed has no entry"
self="http://127.0.0.1:$http_port/api/v1/feeds/articles.atom"
grep -q "<link rel=\"self\" type=\"application/atom+xml\" href=\"$self\"" "$feed" \
    || fail "the feed's self link is not $self: $(grep -o '<link rel="self"[^>]*>' "$feed")"
curl -fsS -o /dev/null --max-time 30 "$(grep -o '<link rel="alternate" href="[^"]*"' "$feed" | head -n 1 | cut -d'"' -f4)" \
    || fail "an entry's link does not answer"
echo "  $(grep '^Embedded PostgreSQL' "$log")" >&2
echo "  /api/v1/feeds/articles.atom: 200, $entries entries, links on port $http_port" >&2

app_stop
for _ in $(seq 1 30); do
    listening "$http_port" || break
    sleep 0.5
done
if listening "$http_port"; then fail "dev mode still answers on $http_port after the run command stopped"; fi
echo "Run command without PostgreSQL: OK" >&2
