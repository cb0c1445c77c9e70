#!/usr/bin/env bash
# Benchmark 3, start-up and memory of the packaged app with 20 connections loaded: time from
# launch to all routes started, RSS when idle and after a LOAD_RECORDS-record run, on JDK 17 and
# JDK 25, plain and with a class-data archive (Quarkus's AppCDS on JDK 17, the JDK 25 AOT cache).
#
#   bench/startup/run.sh                                  # LOAD_RECORDS=10000 by default
#   VARIANTS="jdk17 jdk25-aot" LOAD_RECORDS=2000 bench/startup/run.sh
#   JVM_OPTS="-XX:+UseSerialGC -Xmx128m" bench/startup/run.sh   # extra options for every variant
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

CONNECTIONS=${CONNECTIONS:-20}
LOAD_RECORDS=${LOAD_RECORDS:-10000}
CONCURRENCY=${CONCURRENCY:-4}
JDK17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
VARIANTS=${VARIANTS:-jdk17 jdk17-appcds jdk25 jdk25-aot}
JVM_OPTS=${JVM_OPTS:-}
APP_DIR="$ROOT/target/quarkus-app"

ensure_package
if [[ " $VARIANTS " == *" jdk17-appcds "* ]] && { [[ ! -f "$APP_DIR/app-cds.jsa" ]] || [[ "$APP_DIR/quarkus-run.jar" -nt "$APP_DIR/app-cds.jsa" ]]; }; then
  log "building the app with Quarkus's AppCDS archive: ./mvnw -q -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true"
  (cd "$ROOT" && JAVA_HOME="$JDK17" ./mvnw -q -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)
fi
compile_helpers
start_fakes

ROUTES="$BENCH_TMP/routes"
TOKENS=()
for i in $(seq -f "%02g" 1 "$CONNECTIONS"); do
  write_route "$ROUTES" "conn-$i" "$LOAD_RECORDS"
  TOKENS+=("-Dconnections.conn-$i.webhook-token=bench-token")
done

# Starts one variant; sets START_MS (launch to first ready answer) and checks every route started.
launch() {
  local variant=$1 db=$2
  shift 2
  local java_home opts=()
  case "$variant" in
    jdk17*) java_home=$JDK17 ;;
    jdk25*) java_home=$JDK25 ;;
  esac
  case "$variant" in
    jdk17-appcds) opts+=("-XX:SharedArchiveFile=$APP_DIR/app-cds.jsa" "-Xshare:auto") ;;
    jdk25-aot) opts+=("-XX:AOTCache=$BENCH_TMP/app.aot") ;;
  esac
  HTTP_PORT=$(free_port)
  # shellcheck disable=SC2046
  app_options "$ROUTES" "$db" "$HTTP_PORT" "${TOKENS[@]}" $(records_pool_options "$CONCURRENCY" "$LOAD_RECORDS")
  local t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  JAVA="$java_home/bin/java" start_app $JVM_OPTS "${opts[@]}" "$@"
  wait_for_url "http://127.0.0.1:$HTTP_PORT/q/health/ready" 180 "$APP_PID"
  START_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  local started
  started=$(grep -c "Started conn-" "$APP_LOG" || true)
  if [[ "$started" != "$CONNECTIONS" ]]; then
    log "only $started of $CONNECTIONS connections started; see $APP_LOG"
    exit 1
  fi
}

# A JDK 25 AOT cache needs a training run: start, serve some records, stop; the JVM writes the cache at exit.
if [[ " $VARIANTS " == *" jdk25-aot "* ]]; then
  log "JDK 25 AOT cache: training run"
  launch jdk25 "$BENCH_TMP/db-training/ledger" "-XX:AOTCacheOutput=$BENCH_TMP/app.aot"
  helper Load "http://127.0.0.1:$HTTP_PORT/hooks/conn-01" bench-token 300 "$CONCURRENCY" \
    "http://127.0.0.1:$HTTP_PORT/api/connections/conn-01/run?wait=true" TRAIN > /dev/null
  stop_app 180
  [[ -f "$BENCH_TMP/app.aot" ]] || { log "the training run wrote no AOT cache; see $APP_LOG"; exit 1; }
  reset_fakes
fi

RESULTS="$BENCH_TMP/results.txt"
for variant in $VARIANTS; do
  log "$variant: start with $CONNECTIONS connections"
  launch "$variant" "$BENCH_TMP/db-$variant/ledger"
  sleep 5
  IDLE_RSS=$(rss_mb "$APP_PID")
  QUARKUS_S=$(sed -n 's/.*started in \([0-9.]*\)s\. Listening.*/\1/p' "$APP_LOG" | head -1)
  CAMEL=$(sed -n 's/.*Apache Camel .* started in \([^ ]*\) (.*boot:\([^)]*\)).*/\1, Camel boot \2/p' "$APP_LOG" | head -1)
  log "$variant: $LOAD_RECORDS records through conn-01"
  reset_fakes
  helper Load "http://127.0.0.1:$HTTP_PORT/hooks/conn-01" bench-token "$LOAD_RECORDS" "$CONCURRENCY" \
    "http://127.0.0.1:$HTTP_PORT/api/connections/conn-01/run?wait=true" "$variant" > "$BENCH_TMP/load-$variant.txt"
  grep -q "\"delivered\":$LOAD_RECORDS" "$BENCH_TMP/load-$variant.txt" || { log "the run did not deliver $LOAD_RECORDS records"; cat "$BENCH_TMP/load-$variant.txt"; exit 1; }
  LOADED_RSS=$(rss_mb "$APP_PID")
  HEAP=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/heap/ && /used/ {
      for (i = 1; i <= NF; i++) { if ($i == "committed" || ($i == "total" && $(i + 1) != "reserved")) c = $(i + 1); if ($i == "used") u = $(i + 1) }
      gsub(/[K,]/, "", c); gsub(/[K,]/, "", u); printf "heap committed %d MB, used %d MB", c / 1024, u / 1024; exit }')
  printf '  %-13s start %5d ms to ready (Quarkus: %ss; routes: %s)  RSS idle %4d MB, after %d records %4d MB  (%s)\n' \
    "$variant" "$START_MS" "$QUARKUS_S" "$CAMEL" "$IDLE_RSS" "$LOAD_RECORDS" "$LOADED_RSS" "$HEAP" >> "$RESULTS"
  stop_app
done

echo
echo "Start-up and memory ($(date -u +%Y-%m-%d), $CONNECTIONS connections, nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "JVM options: ${JVM_OPTS:-none})"
cat "$RESULTS"
echo "  targets: start <= 800 ms, RSS <= 160 MB"
echo "  reproduce: LOAD_RECORDS=$LOAD_RECORDS VARIANTS=\"$VARIANTS\"${JVM_OPTS:+ JVM_OPTS=\"$JVM_OPTS\"} bench/startup/run.sh"
