#!/usr/bin/env bash
# Load benchmark (not a test): a bare Javalin echo and the real durable turn (`saath serve`, POST /v1/messages),
# loaded by wrk in the same run on the same machine, at 1 thread/16 connections and 2 threads/64 connections.
# Prints req/s, p50/p99, errors and the ratio turn/echo for each load.
#   bench/run.sh                                  # SQLite in a temporary data folder
#   STORE_URL=jdbc:postgresql://127.0.0.1:5432/saath?user=saath bench/run.sh     # PostgreSQL
#   DURATION=10s REPEATS=3 WARMUP=30s SETTLE=0 bench/run.sh   # SETTLE=0: no unmeasured run when the load changes
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
REPEATS=${REPEATS:-3}
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  else
    echo "wrk is missing: install Debian's wrk package (apt-get install wrk)" >&2; exit 1
  fi
fi
[ -f target/saath.jar ] || mvn -q package -DskipTests
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_port() {   # file → the port once "listening on port N" appears
  for _ in $(seq 1 600); do
    if grep -q "listening on port" "$1" 2>/dev/null; then
      grep -o "listening on port [0-9]*" "$1" | head -1 | awk '{print $4}'; return
    fi
    sleep 0.1
  done
  echo "did not start: $(cat "$1")" >&2; exit 1
}

java -cp target/saath.jar bench/Echo.java >"$work/echo.log" 2>&1 & pids+=($!)
echo_port=$(wait_port "$work/echo.log")
echo_pid=${pids[0]}
config="$work/saath.yaml"
: >"$config"
if [ -n "${STORE_URL:-}" ]; then
  printf 'store:\n  url: "%s"\nprivacy:\n  user-id-secret: "%s"\n  address-key: "%s"\n' "$STORE_URL" \
    "$(head -c 32 /dev/urandom | base64 -w0)" "$(head -c 32 /dev/urandom | base64 -w0)" >"$config"
fi
java ${JAVA_OPTS:-} -jar target/saath.jar serve --port 0 --data "$work/data" --config "$config" \
  >"$work/serve.log" 2>&1 & pids+=($!)
serve_port=$(wait_port "$work/serve.log")
serve_pid=${pids[1]}
token=$(cat "$work/data/generic-channel.token")   # the generic channel's Bearer token, generated at start

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # user+system clock ticks of a process
load() {   # threads connections port path pid → RESULT line, plus the server's CPU µs per request
  local before after out
  before=$(cpu "$5")
  out=$(wrk -t"$1" -c"$2" -d"$DURATION" --latency -s bench/messages.lua "http://127.0.0.1:$3" -- "$4" "$token" \
      "r$(date +%s%N)" \
    | grep '^RESULT')
  after=$(cpu "$5")
  echo "$out cpu_us=$(awk -v t=$((after - before)) -v n="$(echo "$out" | tr ' ' '\n' | grep '^requests=' | cut -d= -f2)" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", t * 1e6 / hz / (n > 0 ? n : 1)}')"
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# the turn runs much more code than the echo: on a shared 2-core machine the JIT is still compiling it after 40 s
WARMUP=${WARMUP:-90s}
echo "warming up ($WARMUP each)…"
DURATION=$WARMUP load 2 64 "$echo_port" /echo "$echo_pid" >/dev/null
w=$(DURATION=$WARMUP load 2 64 "$serve_port" /v1/messages "$serve_pid")
sent=$(field "$w" requests)
echo "store: ${STORE_URL:-SQLite (embedded default)}; $(nproc) cores; wrk on the same machine; $DURATION per run"
printf '%-6s %-4s %-9s %10s %8s %8s %7s %8s %7s\n' load rep path req/s p50_ms p99_ms errors cpu_us/req ratio
for spec in "1 16" "2 64"; do
  set -- $spec
  # a new load shape deoptimises the server's hot paths (other connections, other contention) and C2 recompiles them
  # for 10-20 s on two cores: each server gets one unmeasured run of the new shape first (SETTLE=0: none)
  if [ "${SETTLE:-1}" != 0 ]; then
    load "$1" "$2" "$echo_port" /echo "$echo_pid" >/dev/null
    m=$(load "$1" "$2" "$serve_port" /v1/messages "$serve_pid")
    sent=$((sent + $(field "$m" requests)))
  fi
  for rep in $(seq 1 "$REPEATS"); do
    e=$(load "$1" "$2" "$echo_port" /echo "$echo_pid")
    m=$(load "$1" "$2" "$serve_port" /v1/messages "$serve_pid")
    sent=$((sent + $(field "$m" requests)))
    ratio=$(awk -v a="$(field "$m" req_per_s)" -v b="$(field "$e" req_per_s)" 'BEGIN{printf "%.3f", a/b}')
    printf '%-6s %-4s %-9s %10s %8s %8s %7s %8s\n' "t$1c$2" "$rep" echo "$(field "$e" req_per_s)" \
      "$(field "$e" p50_ms)" "$(field "$e" p99_ms)" "$(field "$e" errors)" "$(field "$e" cpu_us)"
    printf '%-6s %-4s %-9s %10s %8s %8s %7s %8s %7s\n' "t$1c$2" "$rep" messages "$(field "$m" req_per_s)" \
      "$(field "$m" p50_ms)" "$(field "$m" p99_ms)" "$(field "$m" errors)" "$(field "$m" cpu_us)" "$ratio"
  done
done
echo "ratio = messages req/s ÷ echo req/s in the same repeat; cpu_us/req = the server's user+system CPU per request"
if [ -z "${STORE_URL:-}" ] && command -v sqlite3 >/dev/null 2>&1; then   # every request must have been a new turn
  echo "messages sent: $sent; recorded as new turns: $(sqlite3 "$work/data/saath.db" \
    'SELECT COUNT(*) FROM processed_messages')"
fi
