#!/usr/bin/env bash
# Runs the API on :8080 in dev mode with the sample articles, against the local PostgreSQL: starts the
# server if needed, creates the database if missing (Flyway then migrates it, and the demo content is
# loaded into it while it has no article). Swagger UI: http://localhost:8080/q/swagger-ui
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=${TINCOSO_DB_NAME:-tincoso}

bash deploy/local/postgres-up.sh
if [ -z "$(psql -d postgres -Atc "select 1 from pg_database where datname = '$database'")" ]; then
    echo "Creating database $database" >&2
    createdb --encoding=UTF8 --template=template0 "$database"
fi

exec ./mvnw -B quarkus:dev \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
    -Dquarkus.datasource.username="$PGUSER" \
    -Dquarkus.console.enabled=false \
    "$@"
