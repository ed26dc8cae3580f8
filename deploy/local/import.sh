#!/usr/bin/env bash
# Imports a folder of portal articles (.txt, UTF-8) into a running API, with a progress bar and a summary:
#   deploy/local/import.sh ../shared/seeds [--api http://localhost:8080] [--dry-run] [--source-url-base URL]
# Exit code: 0 all imported, 1 some rejected, 2 the API could not be used. --help lists every option.
set -euo pipefail
args=()
for arg in "$@"; do
    # Relative folders are the caller's, so they are made absolute before moving to the project.
    if [ -d "$arg" ]; then arg=$(cd "$arg" && pwd); fi
    args+=("$arg")
done
cd "$(dirname "$0")/../.."
./mvnw -q -B -f deploy/tools/pom.xml compile exec:java -Dexec.mainClass=vn.tincoso.tools.ImportCommand \
    -Dexec.args="${args[*]}" -Dexec.cleanupDaemonThreads=false
