#!/usr/bin/env bash
# Scale benchmark against a running Klaremål with the demo data, started with a heap limit, an upload
# limit large enough for the file and the rate limit out of the way of the load test, e.g.
#   KLAREMAAL_UPLOAD_MAX_BYTES=4000000000 KLAREMAAL_RATE_LIMIT_BURST=100000000 KLAREMAAL_RATE_LIMIT_PER_MINUTE=100000000 \
#     ./klaremaal run -Dspring-boot.run.jvmArguments=-Xmx512m
#   KLAREMAAL_BENCH_JDBC=jdbc:postgresql://127.0.0.1:5432/<its database> bench/scale.sh [cases] [base-url] [admin-token]
# In one run it
# 1. generates `cases` cases of events for the demo catalogue (./klaremaal generate, a new seed each run);
# 2. posts the file to /api/v1/case-events (one request, streamed) and measures events per second;
# 3. recomputes every goal's results from the data (POST /api/v1/results/recomputations) and, with
#    KLAREMAAL_BENCH_JDBC set to the application's database, has DuckDB compute every yearly mean
#    processing time from the same events exported as CSV, compares every one with Klaremål's (the run
#    fails if any differs) and times both (bench/duckdb.sh);
# 4. loads a goal page, the results API and the front page with wrk (2 threads, 8 connections, 20 s);
# 5. samples the application's heap every second throughout (jstat) and reports the peak.
# It prints one table. It reports numbers; it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

pid=$(pgrep -f 'dk.klaremaal.KlaremaalApplication' | head -1 || true)
sampler=
if [ -n "$pid" ]; then
  jstat="$(dirname "$(readlink -f /proc/"$pid"/exe)")/jstat"
  # Used heap in KB each second: survivors, eden and old generation.
  "$jstat" -gc "$pid" 1000 | awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {print $3 + $4 + $6 + $8; fflush()}' > "$work/heap.txt" &
  sampler=$!
fi
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

./klaremaal generate --cases "$cases" --seed "$(date +%s)" --out "$work/events.csv" 2> "$work/generate.log"
echo "generated: $(tail -1 "$work/generate.log")" >&2
events=$(($(wc -l < "$work/events.csv") - 1))
size=$(du -h "$work/events.csv" | cut -f1)

start=$(date +%s.%N)
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/csv' -T "$work/events.csv" "$base/api/v1/case-events")
end=$(date +%s.%N)
echo "ingest: HTTP $status $(head -c 160 "$work/answer.json")" >&2
[ "$status" = 200 ] || { echo "the upload was not stored; see the header of this script for how to start the application" >&2; exit 1; }
rm -f "$work/events.csv"
ingest_s=$(python3 -c "print('%.1f' % ($end - $start))")
rate=$(python3 -c "print(int($events / ($end - $start)))")

duck_s=–; recompute_s=–; ratio=–; check="not run (set KLAREMAAL_BENCH_JDBC)"
if [ -n "${KLAREMAAL_BENCH_JDBC:-}" ]; then
  bash bench/duckdb.sh "$KLAREMAAL_BENCH_JDBC" "${KLAREMAAL_BENCH_USER:-postgres}" "$base" "$token" | tee "$work/duckdb.txt" >&2
  summary=$(grep '^SUMMARY' "$work/duckdb.txt")
  value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$summary"; }
  duck_s=$(value duckdb_s); recompute_s=$(value recompute_s)
  ratio=$(python3 -c "print('%.2f' % ($recompute_s / $duck_s))")
  check="$(value compared) yearly means and shares within a limit equal to DuckDB's ($(value goals) goals recomputed)"
fi

goal=$(python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1] + "/api/v1"
for org in json.load(urllib.request.urlopen(base + "/organisations")):
    for g in json.load(urllib.request.urlopen(base + "/organisations/%s/goals" % org["slug"])):
        if g["indicator"]["kind"] == "processing_time" and org["slug"].endswith("-kommune"):
            print(g["id"]); sys.exit()
PY
)
pages=()
load() {
  wrk -t2 -c8 -d5s "$1" > /dev/null
  wrk -t2 -c8 -d20s --latency "$1" > "$work/wrk.txt"
  rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(grep -c "Non-2xx\|Socket errors" "$work/wrk.txt" || true)
  pages+=("$(printf '| %s: req/s, p50, p99 | %s, %s, %s%s |' "$2" "$rps" "$p50" "$p99" "$([ "$errors" = 0 ] || echo ", ERRORS")")")
}
load "$base/maal/$goal" "goal page /maal/$goal"
load "$base/api/v1/goals/$goal/results" "API /api/v1/goals/$goal/results"
load "$base/" "front page /"

peak=–; max=–
if [ -n "$pid" ]; then
  sleep 1
  peak=$(sort -n "$work/heap.txt" | tail -1 | awk '{printf "%d MB", $1 / 1024}')
  max=$("$(dirname "$(readlink -f /proc/"$pid"/exe)")/jcmd" "$pid" VM.flags | tr ' ' '\n' | sed -n 's/.*MaxHeapSize=\([0-9]*\).*/\1/p' \
    | head -1 | awk '{printf "%d MB", $1 / 1048576}')
fi

echo
echo "| measure | value |"
echo "|---|---|"
echo "| events in file | $events ($size, $cases cases) |"
echo "| ingest | $ingest_s s, **$rate events/s** |"
echo "| recompute every goal's results | $recompute_s s |"
echo "| DuckDB, the same yearly figures from the same events | $duck_s s |"
echo "| recompute ÷ DuckDB | $ratio |"
echo "| correctness | $check |"
for p in "${pages[@]}"; do echo "$p"; done
echo "| peak heap (sampled each second) / limit | $peak / $max |"
