#!/usr/bin/env bash
# Benchmark 1, pipeline overhead: orders through the packaged app (webhook -> inbox -> run ->
# mapping -> signed createLinkPayment -> SMTP -> ledger) against loopback fakes, versus a bare Java
# loop making the same Portmone and SMTP calls with the same concurrency. App and loop take turns
# for ROUNDS rounds; the medians are reported.
#
#   bench/pipeline/run.sh                 # RECORDS=2000 CONCURRENCY=4 ROUNDS=3 by default
#   RECORDS=1000 CONCURRENCY=1 bench/pipeline/run.sh
#   PROFILE=1 bench/pipeline/run.sh       # also records the app with JFR: target/bench/pipeline.jfr
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RECORDS=${RECORDS:-2000}
CONCURRENCY=${CONCURRENCY:-4}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-500}
APP_JVM_OPTS=${APP_JVM_OPTS:-}
PROFILE=${PROFILE:-0}
if [[ "$PROFILE" == 1 ]]; then
  APP_JVM_OPTS="$APP_JVM_OPTS -XX:StartFlightRecording=filename=$BENCH_TMP/app.jfr,settings=profile"
fi

ensure_package
compile_helpers
start_fakes
# shellcheck disable=SC2086
start_example_app $APP_JVM_OPTS
HOOK="$APP/hooks/bench-orders"
RUN="$APP/api/connections/bench-orders/run?wait=true"

log "warm-up: $WARMUP records through the app (the bare loop warms up in each round)"
measure_pipeline "$BENCH_TMP/warm.txt" "$APP_PID" "$HOOK" "$RUN" "$WARMUP" "$CONCURRENCY" WARM-APP 2>/dev/null
check_fakes "$WARMUP"
if [[ "$PROFILE" == 1 ]]; then
  jcmd "$APP_PID" JFR.stop > /dev/null
  jcmd "$APP_PID" JFR.start name=measured filename="$BENCH_TMP/app.jfr" settings=profile > /dev/null
fi

for round in $(seq 1 "$ROUNDS"); do
  reset_fakes
  log "round $round/$ROUNDS: app, $RECORDS records, concurrency $CONCURRENCY"
  measure_pipeline "$BENCH_TMP/app.txt" "$APP_PID" "$HOOK" "$RUN" "$RECORDS" "$CONCURRENCY" "APP$round"
  check_fakes "$RECORDS"
  grep -q "\"delivered\":$RECORDS" "$BENCH_TMP/app.txt" || { log "the run did not deliver $RECORDS records"; exit 1; }
  reset_fakes
  log "round $round/$ROUNDS: bare loop, $RECORDS records, concurrency $CONCURRENCY"
  measure_bare "$BENCH_TMP/bare.txt" "$RECORDS" "$CONCURRENCY" "BARE$round" "$WARMUP"
  check_fakes $(( RECORDS + WARMUP ))
done
if [[ "$PROFILE" == 1 ]]; then
  jcmd "$APP_PID" JFR.stop name=measured > /dev/null
fi

m() { figure "$1" "$2" "$3" | median; }
APP_RATE=$(m "$BENCH_TMP/app.txt" load rate)
BARE_RATE=$(m "$BENCH_TMP/bare.txt" bare rate)
echo
echo "Pipeline overhead ($(date -u +%Y-%m-%d), $RECORDS records x $ROUNDS rounds, concurrency $CONCURRENCY," \
  "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  app, webhook to ledger : %7.1f records/s  (webhook intake %.1f/s, run %.1f/s)  CPU %.2f ms/record (intake %.2f, run %.2f), fakes %.2f\n' \
  "$APP_RATE" "$(m "$BENCH_TMP/app.txt" load ingestRate)" "$(m "$BENCH_TMP/app.txt" load runRate)" \
  "$(m "$BENCH_TMP/app.txt" load cpuMsPerRecord)" "$(m "$BENCH_TMP/app.txt" load intakeCpuMsPerRecord)" \
  "$(m "$BENCH_TMP/app.txt" load runCpuMsPerRecord)" "$(m "$BENCH_TMP/app.txt" load fakesCpuMsPerRecord)"
printf '  bare Java loop         : %7.1f records/s                                  CPU %.2f ms/record, fakes %.2f\n' \
  "$BARE_RATE" "$(m "$BENCH_TMP/bare.txt" bare cpuMsPerRecord)" "$(m "$BENCH_TMP/bare.txt" bare fakesCpuMsPerRecord)"
awk -v a="$APP_RATE" -v b="$BARE_RATE" -v r="$(m "$BENCH_TMP/app.txt" load runRate)" \
  'BEGIN { printf "  ratio app / bare       : %7.2f  (run phase alone: %.2f; target >= 0.80)\n", a / b, r / b }'
echo "  medians of rounds; each round's figures:"
sed 's/^/    /' "$BENCH_TMP/app.txt" "$BENCH_TMP/bare.txt" | grep -v "run answer"
echo "  reproduce: RECORDS=$RECORDS CONCURRENCY=$CONCURRENCY ROUNDS=$ROUNDS bench/pipeline/run.sh"
if [[ "$PROFILE" == 1 ]]; then
  JFR_TOOL=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
  [[ -x "$JFR_TOOL" ]] || JFR_TOOL=jfr
  mkdir -p "$ROOT/target/bench"
  cp "$BENCH_TMP/app.jfr" "$ROOT/target/bench/pipeline.jfr"
  echo
  echo "Profile of the app's measured rounds (target/bench/pipeline.jfr):"
  "$JFR_TOOL" view --width 160 hot-methods "$ROOT/target/bench/pipeline.jfr" | head -40
fi
