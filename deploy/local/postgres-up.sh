#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on $PGHOST:$PGPORT (default 127.0.0.1:5432), starting the
# machine's cluster for that port when it does not. Used by the run command and by CI.
# Exit 3 when nothing answers and this machine has no PostgreSQL cluster for that port (no PostgreSQL at all,
# or another port): the run command and the tests then start an embedded PostgreSQL instead.
set -euo pipefail

host=${PGHOST:-127.0.0.1}
port=${PGPORT:-5432}

answers() {
    if command -v pg_isready >/dev/null; then
        pg_isready -q -h "$host" -p "$port"
    else
        (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
    fi
}

if answers; then
    exit 0
fi
if [ "$host" != 127.0.0.1 ] && [ "$host" != localhost ]; then
    echo "PostgreSQL at $host:$port does not answer, and it is not ours to start." >&2
    exit 1
fi
cluster=$(pg_lsclusters -h 2>/dev/null | awk -v port="$port" '$3 == port { print $1, $2; exit }' || true)
if [ -z "$cluster" ]; then
    echo "Nothing answers at $host:$port, and this machine has no PostgreSQL cluster for that port." >&2
    exit 3
fi
echo "Starting the local PostgreSQL cluster $cluster..." >&2
# shellcheck disable=SC2086 # "VERSION NAME", two arguments
pg_ctlcluster --skip-systemctl-redirect $cluster start
for _ in $(seq 1 30); do
    answers && exit 0
    sleep 1
done
echo "PostgreSQL did not come up on $host:$port." >&2
exit 1
