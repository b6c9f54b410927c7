#!/usr/bin/env bash
# Scale benchmark against a running Klaremål with the demo data, started with a heap limit, an upload
# limit large enough for the file and the rate limit out of the way of the load test, e.g.
#   KLAREMAAL_UPLOAD_MAX_BYTES=4000000000 KLAREMAAL_RATE_LIMIT_BURST=100000000 KLAREMAAL_RATE_LIMIT_PER_MINUTE=100000000 \
#     ./klaremaal run -Dspring-boot.run.jvmArguments=-Xmx512m
#   KLAREMAAL_BENCH_JDBC=jdbc:postgresql://127.0.0.1:5432/<its database> bench/scale.sh [cases] [base-url] [admin-token]
# In one run it
# 1. generates `cases` cases of events for the demo catalogue (./klaremaal generate, a new seed each run);
# 2. posts the file to /api/v1/case-events in two requests (streamed): nine tenths, then the rest, which
#    continues cases the first stored; and measures events per second for each;
# 3. recomputes every goal's results from the data (POST /api/v1/results/recomputations) and, with
#    KLAREMAAL_BENCH_JDBC set to the application's database, has DuckDB compute every yearly mean
#    processing time from the same events exported as CSV, compares every one with Klaremål's (the run
#    fails if any differs) and times both (bench/duckdb.sh);
#    It then waits until PostgreSQL's autovacuum has vacuumed the newly filled tables (as it does within
#    minutes of any large load), so that the page load measures the application, not that work;
# 4. loads a goal page, the results API and the front page with wrk (2 threads, 8 connections, 20 s);
# 5. samples the application's heap every second throughout (jstat) and reports the peak;
# 6. with KLAREMAAL_BENCH_JDBC set, measures what PostgreSQL alone takes to store the same rows, without any
#    of the ingest's work (bench/floor.sh): the most any ingest can reach on the same machine and database.
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
  # The heap's generations each second (jstat alone runs in the background, so it is the process stopped at the end).
  "$jstat" -gc "$pid" 1000 > "$work/jstat.txt" &
  sampler=$!
fi
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

./klaremaal generate --cases "$cases" --seed "$(date +%s)" --out "$work/events.csv" 2> "$work/generate.log"
echo "generated: $(tail -1 "$work/generate.log")" >&2
events=$(($(wc -l < "$work/events.csv") - 1))
size=$(du -h "$work/events.csv" | cut -f1)
# The first nine tenths of the file in one upload (the bulk path), then the rest in a second one: it carries
# the later events of cases the first stored (decisions, reopenings), which are replayed with the stored events
# and change records and histograms already kept; the checks below then compare with a computation from scratch.
first=$((events * 9 / 10))
head -n $((first + 1)) "$work/events.csv" > "$work/first.csv"
{ head -n 1 "$work/events.csv"; tail -n +$((first + 2)) "$work/events.csv"; } > "$work/rest.csv"
rm -f "$work/events.csv"
upload() {
  local start end status
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' -T "$1" "$base/api/v1/case-events")
  end=$(date +%s.%N)
  echo "ingest $(basename "$1"): HTTP $status $(head -c 160 "$work/answer.json")" >&2
  [ "$status" = 200 ] || { echo "the upload was not stored; see the header of this script for how to start the application" >&2; exit 1; }
  rm -f "$1"
  python3 -c "print('%.1f' % ($end - $start))"
}
ingest_s=$(upload "$work/first.csv")
rate=$(python3 -c "print(int($first / $ingest_s))")
rest_s=$(upload "$work/rest.csv")
rest_rate=$(python3 -c "print(int(($events - $first) / $rest_s))")

duck_s=–; recompute_s=–; ratio=–; floor=–; check="not run (set KLAREMAAL_BENCH_JDBC)"
if [ -n "${KLAREMAAL_BENCH_JDBC:-}" ]; then
  # First, as it writes: the DuckDB comparison ends by waiting for autovacuum, before the page load.
  bash bench/floor.sh "$KLAREMAAL_BENCH_JDBC" "${KLAREMAAL_BENCH_USER:-postgres}" | tee "$work/floor.txt" >&2
  floor=$(sed -n 's/^SUMMARY floor_events_per_s=\([0-9]*\) floor_s=\([0-9.]*\) events=\([0-9]*\)/\1 events\/s (\3 events and their records, spans and histograms in \2 s)/p' "$work/floor.txt")
  bash bench/duckdb.sh "$KLAREMAAL_BENCH_JDBC" "${KLAREMAAL_BENCH_USER:-postgres}" "$base" "$token" | tee "$work/duckdb.txt" >&2
  summary=$(grep '^SUMMARY' "$work/duckdb.txt")
  value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$summary"; }
  duck_s=$(value duckdb_s); recompute_s=$(value recompute_s)
  ratio=$(python3 -c "print('%.2f' % ($recompute_s / $duck_s))")
  check="$(value compared) yearly means and shares within a limit equal to DuckDB's ($(value goals) goals recomputed); histograms kept on ingest equal a recount of the case records ($(value histogram_rows) rows)"
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
  # Used heap in KB: survivors, eden and old generation.
  peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {print $3 + $4 + $6 + $8}' "$work/jstat.txt" | sort -n | tail -1 | awk '{printf "%d MB", $1 / 1024}')
  max=$("$(dirname "$(readlink -f /proc/"$pid"/exe)")/jcmd" "$pid" VM.flags | tr ' ' '\n' | sed -n 's/.*MaxHeapSize=\([0-9]*\).*/\1/p' \
    | head -1 | awk '{printf "%d MB", $1 / 1048576}')
fi

echo
echo "| measure | value |"
echo "|---|---|"
echo "| events in file | $events ($size, $cases cases) |"
echo "| ingest, first upload: $first events | $ingest_s s, **$rate events/s** |"
echo "| ingest, second upload: $((events - first)) events, many for cases already stored | $rest_s s, $rest_rate events/s |"
echo "| PostgreSQL alone storing the same rows, no checks (bench/floor.sh) | $floor |"
echo "| recompute every goal's results | $recompute_s s |"
echo "| DuckDB, the same yearly figures from the same events | $duck_s s |"
echo "| recompute ÷ DuckDB | $ratio |"
echo "| correctness | $check |"
for p in "${pages[@]}"; do echo "$p"; done
echo "| peak heap (sampled each second) / limit | $peak / $max |"
