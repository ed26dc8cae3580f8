#!/usr/bin/env bash
# Prints a Bearer token for the local API, signed with the development key (deploy/local/jwt):
#   deploy/local/mint-token.sh --role admin
#   deploy/local/mint-token.sh --role editor --org phuong-my-dinh-1 [--hours 12] [--subject ten-nguoi-dung]
# Use it as: curl -H "Authorization: Bearer $(deploy/local/mint-token.sh --role admin)" ...
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -f deploy/tools/pom.xml compile exec:java -Dexec.mainClass=vn.tincoso.tools.MintTokenCommand -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false
