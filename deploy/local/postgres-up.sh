#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on $PGHOST:$PGPORT (default 127.0.0.1:5432), starting the
# machine's cluster when it does not. Used by the run command and by CI.
set -euo pipefail

host=${PGHOST:-127.0.0.1}
port=${PGPORT:-5432}

if pg_isready -q -h "$host" -p "$port"; then
    exit 0
fi
if [ "$host" != 127.0.0.1 ] && [ "$host" != localhost ]; then
    echo "PostgreSQL at $host:$port does not answer, and it is not ours to start." >&2
    exit 1
fi
echo "Starting the local PostgreSQL cluster..." >&2
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start
for _ in $(seq 1 30); do
    pg_isready -q -h "$host" -p "$port" && exit 0
    sleep 1
done
echo "PostgreSQL did not come up on $host:$port." >&2
exit 1
