#!/usr/bin/env bash
# Writes the class-data archive that the start command names (-XX:SharedArchiveFile=..., in the JVM
# settings of src/main/resources/application.properties) from a training start of the packaged app:
# started exactly like the start command, from this folder, with its settings, until it is ready;
# then a few pages are asked for and the app is stopped, and the JVM writes the archive as it exits.
# With JDK 17 to 24 the archive is an AppCDS archive (-XX:ArchiveClassesAtExit); with JDK 25 and
# later it is an AOT cache (-XX:AOTCacheOutput), which the same -XX:SharedArchiveFile option loads.
#
# Run it from the folder you run the app in, after each build, with the JVM you run the app with:
#   ./mvnw package -DskipTests && bin/write-class-archive.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bin/write-class-archive.sh
#   bin/write-class-archive.sh -Dquarkus.http.port=9090      # extra options, given before -jar
#   ARCHIVE=/tmp/other.jsa bin/write-class-archive.sh         # another file than the one named
#   JAR=quarkus-run.jar PROPERTIES=/build/application.properties bin/write-class-archive.sh   # elsewhere
#
# The training start is a start of the app like any other: its connections start, and a firing
# missed while the app was down runs.
set -euo pipefail

JAVA=${JAVA:-java}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
PROPERTIES=${PROPERTIES:-$(dirname "${BASH_SOURCE[0]}")/../src/main/resources/application.properties}
TIMEOUT=${TIMEOUT:-300}

read -r -a OPTIONS <<<"$(sed -n 's/^quarkus\.kubernetes\.env\.vars\.jdk-java-options=//p' "$PROPERTIES")"
ARENAS=$(sed -n 's/^quarkus\.kubernetes\.env\.vars\.malloc-arena-max=//p' "$PROPERTIES")
NAMED=
TRAINING=()
for option in "${OPTIONS[@]}"; do
  case "$option" in
    -XX:SharedArchiveFile=*) NAMED=${option#-XX:SharedArchiveFile=} ;;
    *) TRAINING+=("$option") ;;
  esac
done
ARCHIVE=${ARCHIVE:-$NAMED}
if [[ -z "$ARCHIVE" ]]; then
  echo "the JVM settings in $PROPERTIES name no -XX:SharedArchiveFile" >&2
  exit 1
fi
[[ -f "$JAR" ]] || { echo "$JAR is missing: build the app first (./mvnw package -DskipTests)" >&2; exit 1; }

VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if (( ${VERSION%%.*} >= 25 )); then
  TRAINING+=("-XX:AOTCacheOutput=$ARCHIVE")
  KIND="AOT cache"
else
  TRAINING+=("-XX:ArchiveClassesAtExit=$ARCHIVE")
  KIND="AppCDS archive"
fi

rm -f "$ARCHIVE"
LOG=$(mktemp "${TMPDIR:-/tmp}/portmone-connect-training.XXXXXX")
echo "Training start for the $KIND $ARCHIVE (JDK $VERSION); the app's output: $LOG"
# JDK_JAVA_OPTIONS (the Kubernetes manifest sets it) would name the archive being written
env -u JDK_JAVA_OPTIONS MALLOC_ARENA_MAX="$ARENAS" "$JAVA" "${TRAINING[@]}" "$@" -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true' EXIT

deadline=$(( $(date +%s) + TIMEOUT ))
until URL=$(sed -n 's/.* started in [0-9.]*s\. Listening on: \(http[^ ,]*\).*/\1/p' "$LOG" | head -1) && [[ -n "$URL" ]]; do
  if ! kill -0 "$APP" 2>/dev/null || (( $(date +%s) > deadline )); then
    echo "the app did not start; the end of its output:" >&2
    grep -v '\[cds' "$LOG" | tail -n 30 >&2
    wait "$APP" 2>/dev/null || true
    rm -f "$ARCHIVE"
    exit 1
  fi
  sleep 0.2
done
URL=${URL/\/\/0.0.0.0:/\/\/127.0.0.1:}
for page in /q/health/ready /q/health / /api/connections /q/metrics; do
  curl -s -o /dev/null --max-time 30 "$URL$page" || true
done

kill -TERM "$APP"
wait "$APP" || true
trap - EXIT
if [[ ! -s "$ARCHIVE" ]]; then
  echo "the JVM wrote no archive; the end of its output:" >&2
  grep -v '\[cds' "$LOG" | tail -n 30 >&2
  exit 1
fi
rm -f "$LOG"
echo "Wrote $ARCHIVE ($(( $(stat -c %s "$ARCHIVE") / 1048576 )) MB); the start command loads it with -XX:SharedArchiveFile=$ARCHIVE"
