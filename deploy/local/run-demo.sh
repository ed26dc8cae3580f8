#!/usr/bin/env bash
# Runs the API on :8080 in dev mode with the sample articles, against the local PostgreSQL: starts the
# server if needed, creates the database if missing (Flyway then migrates it, and the demo content is
# loaded into it while it has no article). Swagger UI: http://localhost:8080/q/swagger-ui
#
# When nothing answers at $PGHOST:$PGPORT and this machine has no PostgreSQL cluster for that port, an embedded
# PostgreSQL (deploy/tools' EmbeddedPostgresCommand) is started on that port instead, with its data in
# target/embedded-postgres/data (kept between runs; TINCOSO_EMBEDDED_PG_FOLDER names another folder than
# target/embedded-postgres) and its log in server.log beside it; it stops when dev mode does.
# Extra arguments go to quarkus:dev (e.g. -Dquarkus.http.port=8095).
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=${TINCOSO_DB_NAME:-tincoso}
embedded=${TINCOSO_EMBEDDED_PG_FOLDER:-target/embedded-postgres}

# Starts the embedded server in the background, watching this script's process (which becomes dev mode
# below), and waits until it has said it is up with the database in place.
start_embedded() {
    local log=$embedded/launcher.log deadline=$((SECONDS + 180)) pid
    echo "Starting an embedded PostgreSQL on $PGHOST:$PGPORT..." >&2
    mkdir -p "$embedded"
    ./mvnw -q -B -f deploy/tools/pom.xml compile exec:java -Dexec.mainClass=vn.tincoso.tools.EmbeddedPostgresCommand \
        -Dexec.args="--port $PGPORT --folder $embedded --user $PGUSER --database $database --stop-with $$" \
        -Dexec.cleanupDaemonThreads=false > "$log" 2>&1 &
    pid=$!
    until grep -q '^Embedded PostgreSQL .* started' "$log"; do
        if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
            echo "The embedded PostgreSQL did not start; the end of $log:" >&2
            tail -n 20 "$log" >&2
            kill "$pid" 2>/dev/null || true
            exit 1
        fi
        sleep 0.5
    done
    grep '^Embedded PostgreSQL .* started' "$log" >&2
}

status=0
bash deploy/local/postgres-up.sh || status=$?
case $status in
    0)
        if [ -z "$(psql -d postgres -Atc "select 1 from pg_database where datname = '$database'")" ]; then
            echo "Creating database $database" >&2
            createdb --encoding=UTF8 --template=template0 "$database"
        fi
        ;;
    3) start_embedded ;;
    *) exit "$status" ;;
esac

exec ./mvnw -B quarkus:dev \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
    -Dquarkus.datasource.username="$PGUSER" \
    -Dquarkus.console.enabled=false \
    "$@"
