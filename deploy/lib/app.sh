# shellcheck shell=bash
# Running the packaged API from deploy/ scripts: build it when needed, start it in the background, wait until
# it answers ready, stop it. Sourced, from the project root (every deploy/ script cds there first):
#
#   . deploy/lib/app.sh
#
#   app_build_if_missing          ./mvnw -q -B package -DskipTests when $app_jar is not there
#   app_build_if_stale            the same, also when anything in src/ or pom.xml is newer than $app_jar
#   app_start NAME LOG [VAR=value ...] [JAVA_OPTION ...]
#                                 java JAVA_OPTIONs -jar $app_jar in the background, with those variables set and
#                                 its output in LOG; NAME is what messages call it ("the API on port 8081")
#   app_run NAME LOG COMMAND [ARGUMENT ...]
#                                 any command in the background the same way (app_start uses it)
#   app_wait_ready BASE_URL [SECONDS]
#                                 polls BASE_URL/q/health/ready until it answers 200 (60 s at most, by default);
#                                 fails, with the end of the log, when the process has stopped or time runs out
#   app_stop [PID ...]            stops those processes, or every one started here, and waits for them
#
# What they leave: app_pid, the process last started (the JVM itself: env and chroot exec what they run),
# app_pids, those still running, and app_name and app_log, the last one's. app_jar is the jar app_start runs
# (target/quarkus-app/quarkus-run.jar unless the script sets another). Failures return non-zero and say why on
# standard error, so a script under `set -e` stops there.

app_jar=${app_jar:-target/quarkus-app/quarkus-run.jar}
app_pid=
app_pids=()
app_name=
app_log=

app_build_if_missing() {
    [ -f "$app_jar" ] || ./mvnw -q -B package -DskipTests
}

app_build_if_stale() {
    if [ ! -f "$app_jar" ] || [ -n "$(find src pom.xml -newer "$app_jar" -print -quit)" ]; then
        ./mvnw -q -B package -DskipTests
    fi
}

app_run() {
    app_name=$1 app_log=$2
    shift 2
    "$@" > "$app_log" 2>&1 &
    app_pid=$!
    app_pids+=("$app_pid")
}

app_start() {
    local name=$1 log=$2 variables=()
    shift 2
    while [ $# -gt 0 ] && [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do
        variables+=("$1")
        shift
    done
    app_run "$name" "$log" env "${variables[@]}" java "$@" -jar "$app_jar"
}

app_wait_ready() {
    local url=$1/q/health/ready seconds=${2:-60} status=0
    local deadline=$((SECONDS + seconds))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if ! kill -0 "$app_pid" 2>/dev/null; then
            wait "$app_pid" 2>/dev/null || status=$?
            app_failed "$app_name stopped (exit status $status) before it was ready"
            return 1
        fi
        curl -fs -o /dev/null --max-time 5 "$url" && return 0
        sleep 0.5
    done
    app_failed "$app_name did not answer ready at $url within ${seconds}s"
}

app_failed() {
    echo "FAILED: $1; the end of $app_log:" >&2
    tail -n 20 "$app_log" >&2 || true
    return 1
}

app_stop() {
    local pid running=()
    [ $# -gt 0 ] || set -- "${app_pids[@]}"
    for pid in "$@"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        [ "$pid" != "$app_pid" ] || app_pid=
    done
    for pid in "${app_pids[@]}"; do
        [[ " $* " == *" $pid "* ]] || running+=("$pid")
    done
    app_pids=("${running[@]}")
}
