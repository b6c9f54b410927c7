#!/usr/bin/env bash
# Scale benchmark against a running Klaremål with the demo data, started with a heap limit, an upload
# limit large enough for the file and the rate limit out of the way of the load test, e.g.
#   KLAREMAAL_UPLOAD_MAX_BYTES=2000000000 KLAREMAAL_RATE_LIMIT_BURST=100000000 KLAREMAAL_RATE_LIMIT_PER_MINUTE=100000000 \
#     ./klaremaal run -Dspring-boot.run.jvmArguments=-Xmx512m
#   bench/scale.sh [cases] [base-url] [token]
# 1. generates `cases` cases of events for the demo catalogue (./klaremaal generate, a new seed each run);
# 2. posts the file to /api/v1/case-events and reports events per second;
# 3. with KLAREMAAL_BENCH_JDBC set to the application's database (and KLAREMAAL_BENCH_USER), computes
#    every yearly mean processing time again with DuckDB from the stored events and compares it with
#    Klaremål's, computed cold right after the ingest (bench/duckdb.sh; the run fails if any differs);
#    then fetches every goal's results (bench/results.sh: those not computed yet are cold) and reports the time;
# 4. loads a goal page, the results API and the front page with wrk (2 threads, 8 connections, 20 s) and reports
#    requests per second, p50 and p99;
# 5. reports the application's heap after the run (jcmd GC.heap_info).
# It reports numbers; it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

./klaremaal generate --cases "$cases" --seed "$(date +%s)" --out "$work/events.csv" 2> "$work/generate.log"
tail -1 "$work/generate.log"
events=$(($(wc -l < "$work/events.csv") - 1))
size=$(du -h "$work/events.csv" | cut -f1)

start=$(date +%s.%N)
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/csv' --data-binary @"$work/events.csv" "$base/api/v1/case-events")
end=$(date +%s.%N)
echo "ingest: HTTP $status $(head -c 160 "$work/answer.json")"
[ "$status" = 200 ] || { echo "the upload was not stored; see the header of this script for how to start the application" >&2; exit 1; }
ingest_s=$(python3 -c "print('%.1f' % ($end - $start))")
rate=$(python3 -c "print(int($events / ($end - $start)))")

if [ -n "${KLAREMAAL_BENCH_JDBC:-}" ]; then
  echo "| check against DuckDB (Klaremål cold, right after the ingest) | |"
  echo "|---|---|"
  bash bench/duckdb.sh "$KLAREMAAL_BENCH_JDBC" "${KLAREMAAL_BENCH_USER:-postgres}" "$base"
fi

results_s=$(bash bench/results.sh "$base" | sed -n 's/^all goals, with listing: \(.*\) s$/\1/p')

goal=$(python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1] + "/api/v1"
for org in json.load(urllib.request.urlopen(base + "/organisations")):
    for g in json.load(urllib.request.urlopen(base + "/organisations/%s/goals" % org["slug"])):
        if g["indicator"]["kind"] == "processing_time" and org["slug"].endswith("-kommune"):
            print(g["id"]); sys.exit()
PY
)
load() {
  wrk -t2 -c8 -d5s "$1" > /dev/null
  wrk -t2 -c8 -d20s --latency "$1" > "$work/wrk.txt"
  rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(grep -c "Non-2xx\|Socket errors" "$work/wrk.txt" || true)
  printf '| %-34s | %10s | %8s | %8s | %s |\n' "$2" "$rps" "$p50" "$p99" "$([ "$errors" = 0 ] && echo ok || grep 'Non-2xx\|Socket' "$work/wrk.txt" | tr -s ' ')"
}

pid=$(pgrep -f 'dk.klaremaal.KlaremaalApplication' | head -1 || true)
echo
echo "| measure | value |"
echo "|---|---|"
echo "| events in file | $events ($size) |"
echo "| ingest | $ingest_s s, $rate events/s |"
echo "| all goals' results | $results_s s |"
echo
echo "| page | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
load "$base/maal/$goal" "goal page /maal/$goal"
load "$base/api/v1/goals/$goal/results" "API /api/v1/goals/$goal/results"
load "$base/" "front page /"
if [ -n "$pid" ]; then
  jcmd="$(dirname "$(readlink -f /proc/"$pid"/exe)")/jcmd"
  echo
  "$jcmd" "$pid" VM.flags | tr ' ' '\n' | grep -i 'MaxHeapSize' || true
  "$jcmd" "$pid" GC.heap_info | sed -n '2,3p'
fi
