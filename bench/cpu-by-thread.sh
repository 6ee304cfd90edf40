#!/usr/bin/env bash
# Where a durable turn's CPU goes (a benchmark, not a test): starts `saath serve` on a temporary SQLite store, loads
# POST /v1/messages with wrk (bench/messages.lua) for a warm-up, then measures, and prints the server's user and system
# CPU per turn for each group of threads (request threads, the group committer, the JIT, GC…) from /proc.
#   bench/cpu-by-thread.sh [connections=16] [warm-up s=60] [measured s=20]   (JAR=…, JAVA_OPTS=…, CONFIG=saath.yaml to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: run bench/run.sh once, or apt-get install wrk" >&2; exit 1; }
[ -f "${JAR:-target/saath.jar}" ] || mvn -q package -DskipTests
C=${1:-16}; WARM=${2:-60}; MEAS=${3:-20}; T=$(( C>16 ? 2 : 1 ))
work=$(mktemp -d); if [ -n "${CONFIG:-}" ]; then cp "$CONFIG" $work/c.yaml; else : > $work/c.yaml; fi
java ${JAVA_OPTS:-} -jar ${JAR:-target/saath.jar} serve --port 0 --data $work/data --config $work/c.yaml > $work/s.log 2>&1 &
pid=$!
trap "kill $pid; rm -rf $work" EXIT
for i in $(seq 600); do grep -q "listening on port" $work/s.log 2>/dev/null && break; sleep 0.1; done
port=$(grep -o "listening on port [0-9]*" $work/s.log | awk '{print $4}')
tok=$(cat $work/data/generic-channel.token)
wrk -t$T -c$C -d${WARM}s -s bench/messages.lua http://127.0.0.1:$port -- /v1/messages $tok w$(date +%s%N) >/dev/null
snap() {   # thread group (name without its number), user ticks, system ticks; sorted for join
  for t in /proc/$pid/task/*; do
    [ -r "$t/stat" ] || continue                                  # a thread may end while we look
    n=$(sed 's/[0-9-]*$//' "$t/comm" 2>/dev/null | tr ' ' _)
    s=($(sed 's/.*) //' "$t/stat" 2>/dev/null))                    # fields after the name: utime is 11, stime 12
    echo "$n ${s[11]} ${s[12]}"
  done | awk '{u[$1]+=$2; s[$1]+=$3} END{for(k in u) print k, u[k], s[k]}' | sort
}
snap > $work/a
out=$(wrk -t$T -c$C -d${MEAS}s --latency -s bench/messages.lua http://127.0.0.1:$port -- /v1/messages $tok m$(date +%s%N) | grep RESULT)
snap > $work/b
echo "$out"
n=$(echo "$out" | tr ' ' '\n' | grep '^requests=' | cut -d= -f2)
join -a2 "$work/a" "$work/b" | awk -v n="$n" -v hz="$(getconf CLK_TCK)" '
  { if (NF == 5) { du = $4 - $2; ds = $5 - $3 } else { du = $2; ds = $3 }     # a thread group born while measuring
    tu += du; ts += ds
    if (du + ds > 0) printf "%-28s %7.0f us/turn (user %5.0f sys %5.0f)\n", $1, (du+ds)*1e6/hz/n, du*1e6/hz/n, ds*1e6/hz/n }
  END { printf "%-28s %7.0f us/turn (user %5.0f sys %5.0f)\n", "TOTAL", (tu+ts)*1e6/hz/n, tu*1e6/hz/n, ts*1e6/hz/n }' \
  | sort -k2 -n -r
