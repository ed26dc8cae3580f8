#!/usr/bin/env bash
# Checks deploy/compose/nginx/tincoso.conf for real, without containers: two instances of the packaged API on
# local ports, and nginx (the machine's, or Debian's package unpacked into a temporary folder) with this very
# configuration in front of them, its upstream pointed at those ports. Exit 0 when every check passes.
#
#   deploy/compose/check-proxy.sh
#
# Checks: a repeated GET is served from nginx's cache; a client's If-None-Match is answered 304 by nginx; the
# Atom and JSON variants of one URL are kept apart (Vary: Accept); links in answers point at nginx's own address;
# credentials and "Consistency: strong" bypass the cache; after max-age a stale copy is served while nginx
# revalidates; with one instance stopped, requests still succeed on the other. Uses the local PostgreSQL (database
# tincoso_proxy_check_*, dropped at the end), or the database QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD)
# names, which its caller makes and drops (ProxyCacheIT, whose database may be on an embedded PostgreSQL with no
# psql beside it).
# Exit 3 when there is no nginx and no way to fetch it.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/app.sh
. deploy/lib/app.sh

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d "${TMPDIR:-/tmp}/tincoso-proxy.XXXXXX")
if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    database= jdbc_url=$QUARKUS_DATASOURCE_JDBC_URL
else
    database=tincoso_proxy_check_$$ jdbc_url="jdbc:postgresql://$PGHOST:$PGPORT/$database"
fi
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
first_port=$(free_port)
second_port=$(free_port)
proxy_port=$(free_port)
proxy=http://127.0.0.1:$proxy_port

cleanup() {
    if [ "$?" != 0 ]; then
        # What the instances and nginx said, to tell why a check failed.
        tail -n 20 "$work"/api-*.log "$work/logs/error.log" >&2 2>/dev/null || true
    fi
    app_stop
    if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
    if [ -n "$database" ]; then
        psql -d postgres -qc "drop database if exists $database with (force)" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

nginx_binary() {
    if command -v nginx >/dev/null; then command -v nginx; return; fi
    if ! command -v apt-get >/dev/null; then
        echo "no nginx here, and no apt-get to fetch Debian's: nothing checked" >&2
        exit 3
    fi
    (cd "$work" && apt-get download -q nginx >&2 2>/dev/null && dpkg-deb -x nginx_*.deb nginx-root)
    echo "$work/nginx-root/usr/sbin/nginx"
}

start_api() {
    app_start "the API on port $1" "$work/api-$1.log" \
        QUARKUS_HTTP_PORT="$1" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-$PGUSER}" \
        QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION=deploy/local/jwt/dev-public.pem TINCOSO_RATE_LIMIT_TRUST_FORWARDED_FOR=true \
        TINCOSO_HTTP_CACHE_MAX_AGE=2s QUARKUS_SHUTDOWN_DELAY=0S \
        -Xmx256m
    app_wait_ready "http://127.0.0.1:$1" 90
}

# The X-Cache-Status nginx reports for a GET, with any extra curl arguments.
cache_status() {
    curl -fsS -o /dev/null -D - "$@" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }'
}

expect_cache() {
    local expected=$1 actual
    shift
    actual=$(cache_status "$@")
    [[ "$actual" =~ ^($expected)$ ]] || fail "X-Cache-Status $actual, expected $expected, for $*"
    echo "  $actual  ${*//$token/<token>}"
}

app_build_if_missing
if [ -n "$database" ]; then
    createdb --encoding=UTF8 --template=template0 "$database"
fi
start_api "$first_port"
start_api "$second_port"

nginx=$(nginx_binary)
mkdir -p "$work/cache" "$work/logs"
printf 'upstream tincoso_api {\n    server 127.0.0.1:%s max_fails=3 fail_timeout=5s;\n    server 127.0.0.1:%s max_fails=3 fail_timeout=5s;\n    keepalive 32;\n}\n' \
    "$first_port" "$second_port" > "$work/upstream.conf"
sed -e "s#include /etc/nginx/tincoso/upstream.conf;#include $work/upstream.conf;#" \
    -e "s#/var/cache/nginx/tincoso#$work/cache#" -e "s#listen 80;#listen 127.0.0.1:$proxy_port;#" \
    deploy/compose/nginx/tincoso.conf > "$work/tincoso.conf"
cat > "$work/nginx.conf" <<CONF
# Workers as the user running this script (as root, nginx would otherwise switch them to nobody, who cannot
# write the cache in this private folder); ignored, with a notice, when not run as root.
user $(id -un) $(id -gn);
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/body; proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    include $work/tincoso.conf;
}
CONF
"$nginx" -p "$work" -c "$work/nginx.conf" -t -q
"$nginx" -p "$work" -c "$work/nginx.conf"

token=$(deploy/local/mint-token.sh --role admin)
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/plain; charset=UTF-8' --data-binary \
    $'Phường Bách Khoa sơ kết Đề án 11-ĐA/TU\nNgày đăng 03/06/2024 | 14:35\n\nSáng ngày 31/5, Đảng ủy phường Bách Khoa đã tổ chức hội nghị.' \
    "$proxy/api/v1/imports"

echo "Through nginx on $proxy:"
feed="$proxy/api/v1/articles?limit=5"
expect_cache MISS "$feed"
expect_cache HIT "$feed"
etag=$(curl -fsS -o /dev/null -D - "$feed" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$feed")
[ "$status" = 304 ] || fail "If-None-Match answered $status"
echo "  304  If-None-Match: $etag"
expect_cache MISS -H 'Accept: application/atom+xml' "$feed"
expect_cache HIT -H 'Accept: application/atom+xml' "$feed"
type=$(curl -fsS -o /dev/null -w '%{content_type}' "$feed")
[[ "$type" == application/json* ]] || fail "the JSON variant came back as $type"
article=$(curl -fsS "$proxy/api/v1/articles?limit=1&links" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["url"])')
[[ "$article" == "$proxy/api/v1/articles/"* ]] || fail "the article's url $article is not on the proxy's address $proxy"
curl -fsS -o /dev/null "$article" || fail "following the article's url ($article) failed"
echo "  links  on the proxy's own address: $article"
expect_cache BYPASS -H "Authorization: Bearer $token" "$feed"
expect_cache BYPASS -H 'Consistency: strong' "$feed"
# Once max-age (2 s here) has passed, nginx serves the stale copy while it revalidates, or revalidates first.
for _ in $(seq 1 2000); do
    status=$(cache_status "$feed")
    [ "$status" != HIT ] && break
done
[[ "$status" =~ ^(STALE|UPDATING|REVALIDATED|EXPIRED)$ ]] || fail "after max-age: X-Cache-Status $status"
echo "  $status  after max-age"

app_stop "${app_pids[0]}"
for n in 1 2 3 4; do
    curl -fsS -o /dev/null "$proxy/api/v1/articles?limit=$n&after-one-stopped" || fail "a request failed with one instance stopped"
done
echo "  200  with one instance stopped"
echo "OK: nginx caches by the API's Cache-Control and ETags, keeps variants apart, and fails over"
