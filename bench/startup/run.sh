#!/usr/bin/env bash
# Benchmark 3, start-up and memory of the packaged app with 20 connections loaded: time from
# launch to all routes started (a restart on the store of a first start, and that first start), RSS when idle and after a LOAD_RECORDS-record run, on JDK 17 and
# JDK 25, with and without a class-data archive (AppCDS on JDK 17, the AOT cache on JDK 25), each
# written by a training run of the app started the same way. Every variant runs with the JVM
# settings the project ships (bench/lib/common.sh), except those named "-plain", which run with
# the JVM's defaults. Those named "-archive" use the archive users get from bin/write-class-archive.sh.
#
#   bench/startup/run.sh                                  # LOAD_RECORDS=10000 by default
#   VARIANTS="jdk17 jdk25-aot" LOAD_RECORDS=2000 bench/startup/run.sh
#   VARIANTS="jdk17-plain jdk25-plain jdk25-aot-plain" bench/startup/run.sh
#   VARIANTS="jdk17 jdk17-archive jdk25 jdk25-archive" bench/startup/run.sh   # what users run
#   JVM_OPTS="-Xmx96m" bench/startup/run.sh               # extra options for every variant
#   TRAINING_RECORDS=0 bench/startup/run.sh               # the training runs only start and stop
#   RESTARTS=5 bench/startup/run.sh                       # restarts measured per variant (median; 3 by default)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

CONNECTIONS=${CONNECTIONS:-20}
LOAD_RECORDS=${LOAD_RECORDS:-10000}
CONCURRENCY=${CONCURRENCY:-4}
JDK17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
VARIANTS=${VARIANTS:-jdk17-plain jdk17 jdk17-appcds jdk17-archive jdk25-plain jdk25 jdk25-aot jdk25-archive}
JVM_OPTS=${JVM_OPTS:-}
TRAINING_RECORDS=${TRAINING_RECORDS:-300}
RESTARTS=${RESTARTS:-3}

ensure_package
compile_helpers
start_fakes

ROUTES="$BENCH_TMP/routes"
TOKENS=()
for i in $(seq -f "%02g" 1 "$CONNECTIONS"); do
  write_route "$ROUTES" "conn-$i" "$LOAD_RECORDS"
  TOKENS+=("-Dconnections.conn-$i.webhook-token=bench-token")
done

# Starts one variant; sets START_MS (launch to first ready answer), START_CPU_MS (CPU time the app
# used by then) and checks every route started.
launch() {
  local variant=$1 db=$2
  shift 2
  local java_home opts=()
  case "$variant" in
    jdk17*) java_home=$JDK17 ;;
    jdk25*) java_home=$JDK25 ;;
  esac
  if [[ "$*" != *-XX:ArchiveClassesAtExit=* && "$*" != *-XX:AOTCacheOutput=* ]]; then
    case "$variant" in
      jdk17-appcds*) opts+=("-XX:SharedArchiveFile=$(archive "$variant")") ;;
      jdk25-aot*) opts+=("-XX:AOTCache=$(archive "$variant")") ;;
      *-archive*) opts+=("-XX:SharedArchiveFile=$(archive "$variant")") ;;
    esac
  fi
  JVM_DEFAULTS=0
  [[ "$variant" != *-plain ]] || JVM_DEFAULTS=1
  HTTP_PORT=$(free_port)
  # shellcheck disable=SC2046
  app_options "$ROUTES" "$db" "$HTTP_PORT" "${TOKENS[@]}" $(records_pool_options "$CONCURRENCY" "$LOAD_RECORDS")
  # shellcheck disable=SC2086
  JAVA="$java_home/bin/java" start_app $JVM_OPTS "${opts[@]}" "$@"
  if ! wait_for_ready "$HTTP_PORT" /q/health/ready 180 "$APP_PID"; then
    log "the app did not become ready; the end of $APP_LOG:"
    tail -n 40 "$APP_LOG" >&2
    exit 1
  fi
  START_MS=$(( (${EPOCHREALTIME/[.,]/} - APP_LAUNCHED_US) / 1000 ))
  START_CPU_MS=$(cpu_ms "$APP_PID")
  local started
  started=$(sed -n 's/.*Route files: \([0-9]*\) routes started.*/\1/p' "$APP_LOG" | head -1)
  if [[ "${started:-0}" != "$CONNECTIONS" ]]; then
    log "only $started of $CONNECTIONS connections started; see $APP_LOG"
    exit 1
  fi
}

# Milliseconds from Camel's start to the line saying the route files' routes started (the
# connections are started one route at a time after the Camel context).
route_files_ms() {
  local from to
  from=$(grep -m1 "Apache Camel .* started in" "$1" | cut -c12-23)
  to=$(grep -m1 "Route files: " "$1" | cut -c12-23)
  awk -v a="$from" -v b="$to" 'function ms(t, p) { split(t, p, /[:,]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
    BEGIN { printf "%d", ms(b) - ms(a) }'
}

# The class-data archive of a variant: an AppCDS archive (jdk17-appcds*) or an AOT cache (jdk25-aot*).
archive() { case "$1" in jdk17-appcds* | *-archive*) echo "$BENCH_TMP/$1.jsa" ;; *) echo "$BENCH_TMP/$1.aot" ;; esac; }

# The archive users get (jdk17-archive, jdk25-archive): written by bin/write-class-archive.sh, the
# training start of the guides (started like the start command, ready, a few pages, stopped; no
# records), and loaded by the option the start command names, -XX:SharedArchiveFile.
for variant in $VARIANTS; do
  [[ "$variant" == *-archive* ]] || continue
  case "$variant" in jdk17*) java_home=$JDK17 ;; *) java_home=$JDK25 ;; esac
  log "$variant: training start by bin/write-class-archive.sh"
  app_options "$ROUTES" "$BENCH_TMP/db-training-$variant/ledger" "$(free_port)" "${TOKENS[@]}"
  (cd "$ROOT" && ARCHIVE="$(archive "$variant")" JAVA="$java_home/bin/java" bin/write-class-archive.sh \
    $JVM_OPTS "${APP_OPTS[@]}") >&2
done

# An archive is written by a training run started like the measured one (same directory, same
# JVM settings; an archive records the class path as given): start, serve TRAINING_RECORDS
# records, stop; the JVM writes the archive at exit. (Quarkus's own AppCDS and AOT builds,
# -Dquarkus.package.jar.appcds.enabled=true, train from target/quarkus-app and record the class
# path "quarkus-run.jar": the JVM refuses them when the app starts from elsewhere.)
for variant in $VARIANTS; do
  case "$variant" in
    jdk17-appcds*) output="-XX:ArchiveClassesAtExit=$(archive "$variant")" ;;
    jdk25-aot*) output="-XX:AOTCacheOutput=$(archive "$variant")" ;;
    *) continue ;;
  esac
  log "$variant: training run for the archive ($TRAINING_RECORDS records)"
  launch "$variant" "$BENCH_TMP/db-training-$variant/ledger" "$output"
  if (( TRAINING_RECORDS > 0 )); then
    helper Load "http://127.0.0.1:$HTTP_PORT/hooks/conn-01" bench-token "$TRAINING_RECORDS" "$CONCURRENCY" \
      "http://127.0.0.1:$HTTP_PORT/api/connections/conn-01/run?wait=true" TRAIN > /dev/null
  fi
  stop_app 180
  [[ -f "$(archive "$variant")" ]] || { log "the training run wrote no archive; see $APP_LOG"; exit 1; }
  reset_fakes
done

# Heap committed and used (MB) by the app, from jcmd GC.heap_info, whichever the collector.
heap_mb() {
  # "garbage-first heap total 180224K, used ..." (JDK 17), "... total reserved 6291456K, committed
  # 180224K, used ..." (JDK 25), one line per generation for the serial collector
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/(total|committed) [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "committed" || ($i == "total" && $(i + 1) != "reserved")) c += $(i + 1)
        if ($i == "used") u += $(i + 1)
      } }
    END { printf "%d %d", c / 1024, u / 1024 }'
}

# Heap in use after a full collection (MB): what the app holds on to.
live_heap_mb() {
  jcmd "$1" GC.run > /dev/null 2>&1
  heap_mb "$1" | cut -d' ' -f2
}

RESULTS="$BENCH_TMP/results.txt"
for variant in $VARIANTS; do
  log "$variant: first start with $CONNECTIONS connections, on a new store"
  launch "$variant" "$BENCH_TMP/db-$variant/ledger"
  FIRST_MS=$START_MS
  stop_app 30
  RESTART_MS=()
  RESTART_CPU_MS=()
  for restart in $(seq 1 "$RESTARTS"); do
    (( restart == 1 )) || stop_app 30
    log "$variant: restart $restart of $RESTARTS on that store"
    launch "$variant" "$BENCH_TMP/db-$variant/ledger"
    if grep -q -i "Unable to use shared archive\|Unable to use AOT\|error has occurred while processing the AOT cache\|Not a valid shared archive" "$APP_LOG"; then
      log "$variant: the JVM did not use the archive; see $APP_LOG"
      exit 1
    fi
    RESTART_MS+=("$START_MS")
    RESTART_CPU_MS+=("$START_CPU_MS")
  done
  START_MS=$(printf '%s\n' "${RESTART_MS[@]}" | median)
  START_CPU_MS=$(printf '%s\n' "${RESTART_CPU_MS[@]}" | median)
  sleep 5
  IDLE_RSS=$(rss_mb "$APP_PID")
  IDLE_LIVE=$(live_heap_mb "$APP_PID")
  QUARKUS_S=$(sed -n 's/.*started in \([0-9.]*\)s\. Listening.*/\1/p' "$APP_LOG" | head -1)
  CAMEL=$(sed -n 's/.*Apache Camel .* started in \([^ ]*\) (.*boot:\([^)]*\)).*/\1, Camel boot \2/p' "$APP_LOG" | head -1)
  CAMEL="$CAMEL, connections $(route_files_ms "$APP_LOG") ms"
  log "$variant: $LOAD_RECORDS records through conn-01"
  reset_fakes
  helper Load "http://127.0.0.1:$HTTP_PORT/hooks/conn-01" bench-token "$LOAD_RECORDS" "$CONCURRENCY" \
    "http://127.0.0.1:$HTTP_PORT/api/connections/conn-01/run?wait=true" "$variant" > "$BENCH_TMP/load-$variant.txt"
  grep -q "\"delivered\":$LOAD_RECORDS" "$BENCH_TMP/load-$variant.txt" || { log "the run did not deliver $LOAD_RECORDS records"; cat "$BENCH_TMP/load-$variant.txt"; exit 1; }
  LOADED_RSS=$(rss_mb "$APP_PID")
  read -r HEAP_COMMITTED HEAP_USED <<<"$(heap_mb "$APP_PID")"
  LOADED_LIVE=$(live_heap_mb "$APP_PID")
  printf '  %-16s restart %5d ms to ready, CPU %5d ms (medians of %s ms; last: Quarkus %ss, routes %s; first start %d ms)  RSS idle %4d MB, after %d records %4d MB' \
    "$variant" "$START_MS" "$START_CPU_MS" "$(IFS=/; echo "${RESTART_MS[*]}")" "$QUARKUS_S" "$CAMEL" "$FIRST_MS" \
    "$IDLE_RSS" "$LOAD_RECORDS" "$LOADED_RSS" >> "$RESULTS"
  printf '  (heap after: committed %d MB, used %d MB; live idle %d MB, after %d MB)\n' \
    "$HEAP_COMMITTED" "$HEAP_USED" "$IDLE_LIVE" "$LOADED_LIVE" >> "$RESULTS"
  stop_app
done

echo
echo "Start-up and memory ($(date -u +%Y-%m-%d), $CONNECTIONS connections, nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "extra JVM options: ${JVM_OPTS:-none})"
echo "  shipped JVM settings (all but -plain): $(JVM_DEFAULTS=0 jvm_settings)"
cat "$RESULTS"
echo "  targets: restart <= 1000 ms to ready on JDK 25 with the AOT cache, RSS idle <= 150 MB"
echo "  reproduce: LOAD_RECORDS=$LOAD_RECORDS VARIANTS=\"$VARIANTS\" TRAINING_RECORDS=$TRAINING_RECORDS RESTARTS=$RESTARTS${JVM_OPTS:+ JVM_OPTS=\"$JVM_OPTS\"} bench/startup/run.sh"
