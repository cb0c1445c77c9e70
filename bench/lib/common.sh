# Shared by the benchmark scripts: build, fakes, the packaged app, and cleanup of every process
# started here, also when a step fails or the script is interrupted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_TMP="$(mktemp -d /tmp/portmone-bench.XXXXXX)"
JAVA="${JAVA:-java}"
BENCH_PIDS=()
# The app starts with the JVM settings the project ships (SHIPPED_JVM_OPTS and SHIPPED_ENV below)
# unless JVM_DEFAULTS=1, which leaves the JVM's own ergonomics: G1, heap sized from the machine's memory.
JVM_DEFAULTS=${JVM_DEFAULTS:-0}

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${BENCH_PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ "${BENCH_KEEP_TMP:-0}" != 1 ]]; then
    rm -rf "$BENCH_TMP"
  else
    echo "kept $BENCH_TMP"
  fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  # below the kernel's range of ephemeral ports: a client connection of the benchmark (curl, the load,
  # the app's own) may hold a port there without listening, and a server then cannot bind it
  local low=32768 port
  [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r low _ < /proc/sys/net/ipv4/ip_local_port_range
  while true; do
    port=$(( 10000 + RANDOM % (low - 10000) ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Waits until URL answers 200, at most SECONDS; fails when PID dies first.
wait_for_url() {
  local url=$1 seconds=$2 pid=${3:-}
  local deadline=$(( $(date +%s) + seconds ))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid died while waiting for $url"
      return 1
    fi
    if (( $(date +%s) > deadline )); then
      log "no answer from $url within ${seconds}s"
      return 1
    fi
    sleep 0.05
  done
}

# Waits for a 200 from http://127.0.0.1:$1$2 (within $3 seconds, while process $4 lives) for a
# measurement that times the start: it tries every 5 ms with bash's own /dev/tcp and read -t, so no
# process is started per try. curl and sleep in a loop take about a tenth of a core from the app being
# timed (on 2 cores, tens of milliseconds of its start) and see the answer only up to 50 ms late.
wait_for_ready() {
  local port=$1 path=$2 seconds=$3 pid=$4 tick ticks conn status
  local deadline=$(( EPOCHSECONDS + seconds ))
  tick=$(mktemp -u "${TMPDIR:-/tmp}/portmone-bench-tick.XXXXXX")
  mkfifo "$tick"
  exec {ticks}<>"$tick"
  rm -f "$tick"
  while :; do
    if { exec {conn}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&"$conn"
      IFS= read -r status <&"$conn" || status=
      exec {conn}>&-
      if [[ "$status" == HTTP/1.?" 200"* ]]; then
        exec {ticks}>&-
        return 0
      fi
    fi
    if ! kill -0 "$pid" 2>/dev/null || (( EPOCHSECONDS > deadline )); then
      exec {ticks}>&-
      log "no 200 from 127.0.0.1:$port$path within ${seconds}s (process $pid alive: $(kill -0 "$pid" 2>/dev/null && echo yes || echo no))"
      return 1
    fi
    read -r -t 0.005 -u "$ticks" _ || true
  done
}

# Builds the packaged app when it is missing or older than the sources.
ensure_package() {
  local jar="$ROOT/target/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]]; then
    log "building the app: ./mvnw -q -B package -DskipTests"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  fi
}

# Compiles the helper programs once (they also run as single files: java bench/lib/X.java).
compile_helpers() {
  mkdir -p "$BENCH_TMP/classes"
  javac -d "$BENCH_TMP/classes" "$ROOT"/bench/lib/*.java
}

helper() {
  "$JAVA" -cp "$BENCH_TMP/classes" "$@"
}

# Starts the fake Portmone gateway and the SMTP sink; sets PORTMONE_PORT, SMTP_PORT, GATEWAY_URL.
start_fakes() {
  PORTMONE_PORT=$(free_port)
  SMTP_PORT=$(free_port)
  GATEWAY_URL="http://127.0.0.1:$PORTMONE_PORT/gateway/"
  "$JAVA" -cp "$BENCH_TMP/classes" -Xmx256m Fakes "$PORTMONE_PORT" "$SMTP_PORT" "$BENCH_TMP/fakes.ready" \
    > "$BENCH_TMP/fakes.log" 2>&1 &
  FAKES_PID=$!
  BENCH_PIDS+=($FAKES_PID)
  wait_for_url "http://127.0.0.1:$PORTMONE_PORT/stats" 30 $!
}

fake_stats() { curl -fsS "http://127.0.0.1:$PORTMONE_PORT/stats"; }

# Stops the benchmark unless the fakes saw EXPECTED signed orders, no bad request and EXPECTED e-mails
# carrying their links.
check_fakes() {
  local expected=$1 stats
  stats=$(fake_stats)
  if ! grep -q "\"orders\":$expected,\"problems\":0,\"mails\":$expected,\"mailsWithLink\":$expected," <<<"$stats"; then
    log "the fakes did not see $expected signed orders and $expected mails with links: $stats"
    exit 1
  fi
}
reset_fakes() { curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORTMONE_PORT/reset"; }

# Writes the example connection routes/landing-orders.camel.yaml as connection ID into DIR,
# taking up to BATCH records per run.
write_route() {
  local dir=$1 id=$2 batch=$3
  mkdir -p "$dir"
  sed -e "s/landing-orders/$id/g" -e "s/- to: inbox:$id\$/- to: inbox:$id?batchSize=$batch/" \
    "$ROOT/routes/landing-orders.camel.yaml" > "$dir/$id.camel.yaml"
  grep -q "inbox:$id?batchSize=$batch" "$dir/$id.camel.yaml"
}

# The app's settings pointing at the fakes and at the shipped store, an SQLite file DB.db (its
# settings are the app's own, SqliteConnectionSettings); extra -D options may follow.
app_options() {
  local routes=$1 db=$2 port=$3
  shift 3
  APP_OPTS=(
    "-Dquarkus.http.host=127.0.0.1" "-Dquarkus.http.port=$port"
    "-Dquarkus.datasource.jdbc.url=jdbc:sqlite:$db.db"
    "-Dcamel.main.routes-include-pattern=file:$routes/*.camel.yaml"
    "-Dportmone.accounts.shop.url=$GATEWAY_URL"
    "-Dportmone.accounts.shop.payee-id=1185" "-Dportmone.accounts.shop.login=WDISHOP"
    "-Dportmone.accounts.shop.signing-key=bench-signing-key"
    "-Ddelivery.mail.host=127.0.0.1" "-Ddelivery.mail.port=$SMTP_PORT"
    "-Ddelivery.mail.from=invoices@shop.example"
    "-Dconnections.landing-orders.webhook-token=bench-token"
    "$@"
  )
}

# -D options giving the connections' "records" pool N threads and a queue of QUEUE records.
records_pool_options() {
  local threads=$1 queue=$2
  echo "-Dcamel.threadpool.config[records].pool-size=$threads -Dcamel.threadpool.config[records].max-pool-size=$threads" \
    "-Dcamel.threadpool.config[records].max-queue-size=$queue"
}

# The JVM settings the project ships for the packaged app: the Kubernetes manifest's JDK_JAVA_OPTIONS
# (quarkus.kubernetes.env.vars.jdk-java-options in src/main/resources/application.properties, read
# from there) and MALLOC_ARENA_MAX, the same as the start command in docs/configuration.md, but for
# the class-data archive it names.
shipped_settings() {
  local props="$ROOT/src/main/resources/application.properties"
  local options=()
  read -r -a options <<<"$(sed -n 's/^quarkus\.kubernetes\.env\.vars\.jdk-java-options=//p' "$props")"
  # the class-data archive the shipped settings name is left to each benchmark's variants
  SHIPPED_JVM_OPTS=()
  for option in "${options[@]}"; do
    [[ "$option" == -XX:SharedArchiveFile=* ]] || SHIPPED_JVM_OPTS+=("$option")
  done
  SHIPPED_ENV=("MALLOC_ARENA_MAX=$(sed -n 's/^quarkus\.kubernetes\.env\.vars\.malloc-arena-max=//p' "$props")")
  if (( ${#SHIPPED_JVM_OPTS[@]} == 0 )) || [[ "${SHIPPED_ENV[0]}" == "MALLOC_ARENA_MAX=" ]]; then
    log "no shipped JVM settings in $props"
    exit 1
  fi
}
shipped_settings

# What start_app adds in front of its JVM options, for the figures' headings.
jvm_settings() {
  if [[ "$JVM_DEFAULTS" == 1 ]]; then echo "JVM defaults"; else echo "shipped: ${SHIPPED_ENV[*]} ${SHIPPED_JVM_OPTS[*]}"; fi
}

# Starts the packaged app with APP_OPTS (the shipped JVM settings and the given JVM options before
# them, or only the given ones with JVM_DEFAULTS=1); sets APP_PID, APP_LOG and APP_LAUNCHED_US (the
# moment of the launch, microseconds since the epoch).
start_app() {
  local settings=() env=()
  if [[ "$JVM_DEFAULTS" != 1 ]]; then
    settings=("${SHIPPED_JVM_OPTS[@]}")
    env=("${SHIPPED_ENV[@]}")
  fi
  log "app JVM settings: $(jvm_settings)${*:+; also: $*}"
  APP_LOG="$BENCH_TMP/app-$(date +%s%N).log"
  APP_LAUNCHED_US=${EPOCHREALTIME/[.,]/}
  (cd "$ROOT" && exec env "${env[@]}" "$JAVA" "${settings[@]}" "$@" "${APP_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar) \
    > "$APP_LOG" 2>&1 &
  APP_PID=$!
  BENCH_PIDS+=($APP_PID)
}

# Starts the app with the example connection (bench-orders, webhook token bench-token) taking
# CONCURRENCY records at a time, like the bare loop's CONCURRENCY threads, with room for
# max(RECORDS, WARMUP) records; waits until it is ready and sets HTTP_PORT and APP (its base URL).
# Arguments are extra JVM options.
start_example_app() {
  local batch=$(( RECORDS > WARMUP ? RECORDS : WARMUP ))
  write_route "$BENCH_TMP/routes" bench-orders "$batch"
  HTTP_PORT=$(free_port)
  # shellcheck disable=SC2046
  app_options "$BENCH_TMP/routes" "$BENCH_TMP/db/ledger" "$HTTP_PORT" \
    "-Dconnections.bench-orders.webhook-token=bench-token" $(records_pool_options "$CONCURRENCY" "$batch")
  start_app "$@"
  wait_for_url "http://127.0.0.1:$HTTP_PORT/q/health/ready" 180 "$APP_PID"
  APP="http://127.0.0.1:$HTTP_PORT"
}

# Stops the app, waiting at most SECONDS (default 10) before killing it.
stop_app() {
  local seconds=${1:-10}
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 $(( seconds * 10 ))); do
      kill -0 "$APP_PID" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}

# CPU time (user + system) a process has used so far, in milliseconds.
cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / tck }' "/proc/$1/stat"; }

# Middle value of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Drives a webhook pipeline at BASE through Load and appends its figures, with the CPU milliseconds
# per record of PID and of the fakes, to FILE.
measure_pipeline() {
  local file=$1 pid=$2 hook=$3 run=$4 records=$5 concurrency=$6 prefix=$7
  local cpu0 fake0 out
  cpu0=$(cpu_ms "$pid")
  fake0=$(cpu_ms "$FAKES_PID")
  out=$(helper Load "$hook" bench-token "$records" "$concurrency" "$run" "$prefix" "$pid")
  echo "$out" >&2
  awk -v c="$(( $(cpu_ms "$pid") - cpu0 ))" -v f="$(( $(cpu_ms "$FAKES_PID") - fake0 ))" -v n="$records" \
    'NR == 1 { printf "%s cpuMsPerRecord=%.3f fakesCpuMsPerRecord=%.3f\n", $0, c / n, f / n } NR > 1' <<<"$out" >> "$file"
}

# Runs the bare loop (WARMUP untimed records first) and appends its figures, with the fakes' CPU
# milliseconds per record, to FILE.
measure_bare() {
  local file=$1 records=$2 concurrency=$3 prefix=$4 warmup=${5:-0}
  local fake0 out
  fake0=$(cpu_ms "$FAKES_PID")
  out=$(helper BareLoop "$GATEWAY_URL" "$SMTP_PORT" "$records" "$concurrency" "$prefix" "$warmup" | grep -v WARM)
  echo "$out" >&2
  echo "$out fakesCpuMsPerRecord=$(awk -v f="$(( $(cpu_ms "$FAKES_PID") - fake0 ))" -v n="$(( records + warmup ))" \
    'BEGIN { printf "%.3f", f / n }')" >> "$file"
}

# Value of NAME=... in the Nth line (default: all lines) of FILE that starts with WHAT.
figure() { sed -n "s/^$2 .* $3=\([0-9.]*\).*/\1/p" "$1"; }

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
