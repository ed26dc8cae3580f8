#!/usr/bin/env bash
# The quick loop while developing: every test class that needs no running application (parsing, tagging rules,
# directive codes, cursors, the package structure), in well under a minute. The application's tests are left out
# by name, not by tag: naming a @QuarkusTest class at all makes the test run build the application first.
# Usage: deploy/local/fast-tests.sh [more Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
classes=$(grep -rL --include='*Test.java' -e '@QuarkusTest' -e '@QuarkusIntegrationTest' src/test/java \
    | xargs -n1 basename | sed 's/\.java$//' | sort | paste -sd, -)
exec ./mvnw -B test -Dtest="$classes" -Dsurefire.failIfNoSpecifiedTests=false "$@"
