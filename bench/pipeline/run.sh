#!/usr/bin/env bash
# Benchmark 1, pipeline overhead: orders through the packaged app (webhook -> inbox -> run ->
# mapping -> signed createLinkPayment -> SMTP -> ledger) against loopback fakes, versus a bare Java
# loop making the same Portmone and SMTP calls with the same concurrency.
#
#   bench/pipeline/run.sh                 # RECORDS=2000 CONCURRENCY=1 by default
#   RECORDS=5000 CONCURRENCY=4 bench/pipeline/run.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RECORDS=${RECORDS:-2000}
CONCURRENCY=${CONCURRENCY:-1}
WARMUP=${WARMUP:-300}
APP_JVM_OPTS=${APP_JVM_OPTS:-}
PROFILE=${PROFILE:-0}
if [[ "$PROFILE" == 1 ]]; then
  APP_JVM_OPTS="$APP_JVM_OPTS -XX:StartFlightRecording=filename=$BENCH_TMP/app.jfr,settings=profile"
fi

ensure_package
compile_helpers
start_fakes
write_route "$BENCH_TMP/routes" bench-orders "$(( RECORDS > WARMUP ? RECORDS : WARMUP ))"
HTTP_PORT=$(free_port)
app_options "$BENCH_TMP/routes" "$BENCH_TMP/db/ledger" "$HTTP_PORT" \
  "-Dconnections.bench-orders.webhook-token=bench-token"
# shellcheck disable=SC2086
start_app $APP_JVM_OPTS
wait_for_url "http://127.0.0.1:$HTTP_PORT/q/health/ready" 180 "$APP_PID"
BASE="http://127.0.0.1:$HTTP_PORT"

check_fakes() {
  local expected=$1 stats
  stats=$(fake_stats)
  if ! grep -q "\"orders\":$expected,\"problems\":0,\"mails\":$expected,\"mailsWithLink\":$expected," <<<"$stats"; then
    log "the fakes did not see $expected signed orders and $expected mails with links: $stats"
    exit 1
  fi
}

log "warm-up: $WARMUP records through each"
helper Load "$BASE/hooks/bench-orders" bench-token "$WARMUP" "$CONCURRENCY" \
  "$BASE/api/connections/bench-orders/run?wait=true" WARM-APP > "$BENCH_TMP/warm-app.txt"
helper BareLoop "$GATEWAY_URL" "$SMTP_PORT" "$WARMUP" "$CONCURRENCY" WARM-BARE > "$BENCH_TMP/warm-bare.txt"
check_fakes $(( 2 * WARMUP ))

reset_fakes
if [[ "$PROFILE" == 1 ]]; then
  jcmd "$APP_PID" JFR.stop > /dev/null
  jcmd "$APP_PID" JFR.start name=measured filename="$BENCH_TMP/app.jfr" settings=profile > /dev/null
fi
log "app: $RECORDS records, concurrency $CONCURRENCY"
helper Load "$BASE/hooks/bench-orders" bench-token "$RECORDS" "$CONCURRENCY" \
  "$BASE/api/connections/bench-orders/run?wait=true" APP | tee "$BENCH_TMP/app.txt" >&2
check_fakes "$RECORDS"
grep -q "\"delivered\":$RECORDS" "$BENCH_TMP/app.txt" || { log "the run did not deliver $RECORDS records"; exit 1; }

if [[ "$PROFILE" == 1 ]]; then
  jcmd "$APP_PID" JFR.stop name=measured > /dev/null
fi

reset_fakes
log "bare loop: $RECORDS records, concurrency $CONCURRENCY"
helper BareLoop "$GATEWAY_URL" "$SMTP_PORT" "$RECORDS" "$CONCURRENCY" BARE | tee "$BENCH_TMP/bare.txt" >&2
check_fakes "$RECORDS"

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1" | head -1; }
APP_RATE=$(field "$BENCH_TMP/app.txt" rate)
APP_RUN_RATE=$(field "$BENCH_TMP/app.txt" runRate)
APP_INGEST_RATE=$(field "$BENCH_TMP/app.txt" ingestRate)
BARE_RATE=$(field "$BENCH_TMP/bare.txt" rate)

echo
echo "Pipeline overhead ($(date -u +%Y-%m-%d), $RECORDS records, concurrency $CONCURRENCY, nproc $(nproc))"
printf '  app, webhook to ledger : %8.1f records/s  (webhook intake %.1f/s, run %.1f/s)\n' \
  "$APP_RATE" "$APP_INGEST_RATE" "$APP_RUN_RATE"
printf '  bare Java loop         : %8.1f records/s\n' "$BARE_RATE"
awk -v a="$APP_RATE" -v b="$BARE_RATE" -v r="$APP_RUN_RATE" \
  'BEGIN { printf "  ratio app / bare       : %8.2f  (run phase alone: %.2f; target >= 0.80)\n", a / b, r / b }'
echo "  reproduce: RECORDS=$RECORDS CONCURRENCY=$CONCURRENCY bench/pipeline/run.sh"
if [[ "$PROFILE" == 1 ]]; then
  JFR_TOOL=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
  [[ -x "$JFR_TOOL" ]] || JFR_TOOL=jfr
  mkdir -p "$ROOT/target/bench"
  cp "$BENCH_TMP/app.jfr" "$ROOT/target/bench/pipeline.jfr"
  echo
  echo "Profile of the app's measured phase (target/bench/pipeline.jfr):"
  "$JFR_TOOL" view --width 160 hot-methods "$ROOT/target/bench/pipeline.jfr" | head -40
fi
