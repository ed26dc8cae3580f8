#!/usr/bin/env bash
# Builds the container image with Jib and runs it, on a machine with neither a container engine nor access to
# a registry (as root: it uses chroot). The usual base image cannot be pulled there, so a stand-in is made from
# this machine's JDK (jlink) and the libraries it needs; the image is built on it exactly as the README says
# (Quarkus's Jib, -Dquarkus.container-image.build=true, written to a tar by deploy/container/load-to-tar), its
# layers are unpacked, and the application is started from them as the image's user, against the local
# PostgreSQL. Exit 0 when it answers ready and serves the gazetteer.
#
#   sudo deploy/container/check-image.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/app.sh
. deploy/lib/app.sh

[ "$(id -u)" = 0 ] || { echo "check-image.sh needs root (chroot, mount)" >&2; exit 2; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d "${TMPDIR:-/tmp}/tincoso-image.XXXXXX")
database=tincoso_image_check_$$
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
    app_stop
    mountpoint -q "$work/root/proc" && umount "$work/root/proc"
    psql -d postgres -qc "drop database if exists $database with (force)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "Base image: a Java runtime made from this machine's JDK" >&2
base=$work/base
mkdir -p "$base/opt" "$base/etc" "$base/tmp" "$base/proc" "$base/home/jboss"
jlink --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.localedata,jdk.net \
    --strip-debug --no-man-pages --no-header-files --output "$base/opt/java"
(ldd "$base/opt/java/bin/java"; find "$base/opt/java/lib" -name '*.so' -exec ldd {} \;) 2>/dev/null \
    | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$base" | sort -u | while read -r lib; do
        mkdir -p "$base$(dirname "$lib")" && cp -L "$lib" "$base$lib"
    done
chmod 1777 "$base/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:jboss:/home/jboss:/sbin/nologin\n' > "$base/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$base/etc/group"
chown 185:185 "$base/home/jboss"
# The `docker save` layout Jib reads a tar:// base image from: one layer, its config, a manifest.
mkdir "$work/base-image"
(cd "$base" && tar --numeric-owner -cf "$work/base-image/layer.tar" .)
diff_id=$(sha256sum "$work/base-image/layer.tar" | cut -d' ' -f1)
printf '{"architecture": "amd64", "os": "linux", "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java"], "User": "185", "WorkingDir": "/home/jboss"}, "rootfs": {"type": "layers", "diff_ids": ["sha256:%s"]}}' \
    "$diff_id" > "$work/base-image/config.json"
printf '[{"Config": "config.json", "RepoTags": ["tincoso/jre-base:local"], "Layers": ["layer.tar"]}]' > "$work/base-image/manifest.json"
(cd "$work/base-image" && tar -cf "$work/base.tar" manifest.json config.json layer.tar)

echo "The image, by Jib, to a tar" >&2
TINCOSO_IMAGE_TAR=$work/tincoso-api.tar ./mvnw -q -B package -DskipTests -Dquarkus.container-image.build=true \
    -Dquarkus.jib.base-jvm-image="tar://$work/base.tar" -Dquarkus.jib.docker-executable-name="$PWD/deploy/container/load-to-tar"

echo "Running it from its layers, as the image's user" >&2
mkdir "$work/image" "$work/root"
tar -xf "$work/tincoso-api.tar" -C "$work/image"
read -r user entrypoint < <(python3 - "$work/image" <<'PY'
import json, sys
folder = sys.argv[1]
manifest = json.load(open(f"{folder}/manifest.json"))[0]
config = json.load(open(f"{folder}/{manifest['Config']}"))["config"]
for layer in manifest["Layers"]:
    print(layer, file=open(f"{folder}/layers", "a"))
# No shell in the image: the jar is named by its full path, since chroot starts in /.
entrypoint = [part if part != "quarkus-run.jar" else config["WorkingDir"] + "/quarkus-run.jar" for part in config["Entrypoint"]]
print(config["User"], " ".join(entrypoint))
PY
)
while read -r layer; do tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"; done < "$work/image/layers"
[ "$user" != 0 ] && [ "$user" != root ] || { echo "FAILED: the image runs as root" >&2; exit 1; }
mount --bind /proc "$work/root/proc"
createdb --encoding=UTF8 --template=template0 "$database"
# shellcheck disable=SC2086 # the entrypoint is a list of words
app_run "the image's application" "$work/app.log" \
    env -i PATH=/opt/java/bin:/usr/bin:/bin JAVA_HOME=/opt/java QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    /usr/sbin/chroot --userspec="$user:$user" "$work/root" $entrypoint
app_wait_ready "http://127.0.0.1:$port" 60
# env and chroot each exec the next program: the application is process $app_pid itself.
uid=$(awk '/^Uid:/ { print $2 }' "/proc/$app_pid/status")
[ "$uid" != 0 ] || { echo "FAILED: the application runs as root" >&2; exit 1; }
cities=$(curl -fsS "http://127.0.0.1:$port/api/v1/organisations?level=city" | python3 -c 'import json, sys; print(", ".join(u["name"] for u in json.load(sys.stdin)))')
echo "OK: the image ($(du -h "$work/tincoso-api.tar" | cut -f1) as a tar) runs as user $user (uid $uid), answers ready, and serves: $cities"
