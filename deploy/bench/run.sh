#!/usr/bin/env bash
# The benchmark: a generated corpus loaded through the API's own import path, then wrk against a fixed set of
# queries; prints a table and writes it to deploy/bench/RESULTS.md.
#
#   deploy/bench/run.sh [load|queries|all] [--count 1000000] [--duration 20] [--connections 32]
#
#   load     generate the corpus (deterministic, seed 2024) and import what the database lacks of it,
#            reporting articles per second (added to deploy/bench/loads.txt, which RESULTS.md quotes)
#   queries  run every query of the set for --duration seconds with --connections connections, once as served
#            and once with the response cache off
#   all      both (the default)
#   webhooks 1,000 subscriptions, 100 publishes a second for a minute, a receiver on loopback: deliveries per
#            second and publish-to-delivery percentiles (deploy/bench/webhooks.py), on a database of its own
#
# Also measures, in the same run, nginx serving the same bytes from a file (the ceiling) and PostgreSQL alone
# answering each page's SQL with pgbench (the floor): deploy/bench/limits.py.
#
# Runs on the local PostgreSQL (database tincoso_bench, created if missing) and the packaged jar (built when
# missing), the app on 127.0.0.1:8089 with JAVA_OPTS (default below). Needs wrk (apt-get install wrk; done
# here when running as root), python3 and about 5 GB of disk for a million articles (the database).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/app.sh
. deploy/lib/app.sh

phase=all
count=1000000
duration=20
connections=32
while [ $# -gt 0 ]; do
    case "$1" in
        load|queries|all|webhooks) phase=$1 ;;
        --count) count=$2; shift ;;
        --duration) duration=$2; shift ;;
        --connections) connections=$2; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=${TINCOSO_BENCH_DB:-tincoso_bench}
port=${TINCOSO_BENCH_PORT:-8089}
api="http://127.0.0.1:$port"
work=${TINCOSO_BENCH_WORK:-${TMPDIR:-/tmp}/tincoso-bench}
# A heap sized like a small container's: the RSS target (512 MiB) holds for the whole process, not the heap.
java_opts=${JAVA_OPTS:--Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:+UseSerialGC}
mkdir -p "$work"

bash deploy/local/postgres-up.sh
for tool in wrk:wrk nginx:nginx-light; do
    if ! command -v "${tool%%:*}" >/dev/null; then
        if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${tool#*:}" >/dev/null
        else echo "${tool%%:*} is needed: apt-get install ${tool#*:}" >&2; exit 2; fi
    fi
done
app_build_if_stale
if [ -z "$(psql -d postgres -Atc "select 1 from pg_database where datname = '$database'")" ]; then
    createdb --encoding=UTF8 --template=template0 "$database"
fi

# The app runs from a copy, so that rebuilding the project while the benchmark runs cannot swap its classes.
rm -rf "$work/app" && cp -r target/quarkus-app "$work/app"
app_jar=$work/app/quarkus-run.jar

# The app (app_pid), with JAVA_OPTS split into its words; any variable set for the call reaches it too.
start_app() {
    # shellcheck disable=SC2086 # java_opts is a list of options
    app_start "the app" "$work/app.log" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION=deploy/local/jwt/dev-public.pem \
        TINCOSO_RATE_LIMIT_REQUESTS_PER_MINUTE=0 TINCOSO_PUBLIC_BASE_URL="$api" \
        $java_opts
    # At a million articles the search index alone takes minutes to build before the instance is ready.
    app_wait_ready "$api" 900
}
trap app_stop EXIT

# CPU time (user + system, whole seconds) of a process, and of every PostgreSQL process.
cpu_seconds() {
    awk '{ print int(($14 + $15) / 100) }' "/proc/$1/stat"
}
postgres_cpu_seconds() {
    ps -u postgres -o cputimes= 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'
}

load() {
    local present
    present=$(psql -d "$database" -Atc "select count(*) from article where source_url like 'https://bench.tincoso.vn/%'" 2>/dev/null || echo 0)
    if [ "$present" -ge "$count" ]; then
        echo "The database already holds $present generated articles" >&2
        return
    fi
    # The generator is deterministic: items already imported are skipped (an interrupted load may leave a few
    # items of its last batches behind the count; those are imported again as updates, which is harmless).
    local skip=$(( present > 2000 ? present - 2000 : 0 ))
    start_app
    local token
    token=$(deploy/local/mint-token.sh --role admin --hours 24)
    echo "Importing articles $skip to $count through POST /api/v1/imports" >&2
    local app_before pg_before
    app_before=$(cpu_seconds "$app_pid") pg_before=$(postgres_cpu_seconds)
    # The generator streams into the loader (about 7% of one core at 500 articles/s; the loader's clock starts
    # at the first article, after the generator has skipped what is already there).
    python3 deploy/bench/generate.py --count "$count" --skip "$skip" --with-expected \
        | TINCOSO_TOKEN=$token python3 deploy/bench/load.py --api "$api" --parallel 2 | tee "$work/load.txt"
    # Where the time went: CPU seconds of the app and of PostgreSQL's backends per imported article.
    awk -v app="$(( $(cpu_seconds "$app_pid") - app_before ))" -v pg="$(( $(postgres_cpu_seconds) - pg_before ))" \
        -v n="$(( count - skip ))" 'BEGIN { printf "CPU per article: app %.2f ms, PostgreSQL %.2f ms (2 cores: %.0f articles/s at most)\n", app * 1000 / n, pg * 1000 / n, 2 * n / (app + pg) }' \
        | tee -a "$work/load.txt"
    # The app's peak resident set over the whole load (the target: 512 MiB throughout).
    awk '/^VmHWM/ { printf "app peak RSS (VmHWM) over the load: %d MiB\n", $2 / 1024 }' "/proc/$app_pid/status" | tee -a "$work/load.txt"
    app_stop
    {
        echo "Import of articles $skip-$count into a database of $present ($(date -u +%Y-%m-%d)):"
        cat "$work/load.txt"
        echo
    } >> deploy/bench/loads.txt
    psql -d "$database" -qc "vacuum analyze"
}

# The query set twice: as the API serves it (repeated public reads answered from its response cache), and with
# that cache off, so that every request runs its queries and renders (the origin's own cost).
queries() {
    start_app
    # First the bounds, on the same machine now: nginx with the same bytes (the ceiling, against which the as-served
    # figures are judged) and PostgreSQL alone (the floor).
    (cd deploy/bench && python3 limits.py --api "$api" --database "$database" --duration "$duration" \
        --connections "$connections" --out "$work/limits.md" --ceiling-file "$work/ceiling")
    python3 deploy/bench/queries.py --api "$api" --duration "$duration" --connections "$connections" \
        --pid "$app_pid" --database "$database" --load-report deploy/bench/loads.txt --out deploy/bench/RESULTS.md \
        --ceiling "$(cat "$work/ceiling")" \
        --label "As served (response cache on, tincoso.response-cache.ttl=${TINCOSO_RESPONSE_CACHE_TTL:-2s})"
    cat "$work/limits.md" >> deploy/bench/RESULTS.md
    app_stop
    TINCOSO_RESPONSE_CACHE_TTL=0s start_app
    python3 deploy/bench/queries.py --api "$api" --duration "$duration" --connections "$connections" \
        --pid "$app_pid" --database "$database" --out deploy/bench/RESULTS.md --append \
        --label "Every request rendered (response cache off: TINCOSO_RESPONSE_CACHE_TTL=0s)"
    app_stop
}

# Webhooks on a fresh database of their own (the gazetteer only), with a receiver on loopback.
webhooks() {
    local database=${database}_webhooks
    dropdb --if-exists "$database" && createdb --encoding=UTF8 --template=template0 "$database"
    TINCOSO_WEBHOOKS_ENCRYPTION_KEY=$(head -c32 /dev/urandom | base64) TINCOSO_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true start_app
    python3 deploy/bench/webhooks.py --api "$api" --database "$database" \
        --token "$(deploy/local/mint-token.sh --role admin --hours 4 | sed 's/^Bearer //')" --out deploy/bench/webhooks.txt
    app_stop
}

case "$phase" in
    webhooks) webhooks ;;
    load) load ;;
    queries) queries ;;
    all) load; queries ;;
esac
