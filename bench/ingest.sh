#!/usr/bin/env bash
# Measures case-event CSV ingest on a running Klaremål with the demo data (./klaremaal run):
#   bench/ingest.sh [cases] [base-url] [token]
# Generates `cases` cases of three events each (received, paused+resumed for every fifth, decided)
# for the demo case type selskabsstiftelse, posts them in one request and prints events per second.
set -euo pipefail
cases=${1:-50000}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
run=$(date +%s)
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"' EXIT

awk -v n="$cases" -v run="$run" 'BEGIN {
  print "event_id,organisation,case_type,case_id,event,occurred_at"
  srand(42)
  for (i = 1; i <= n; i++) {
    c = "BENCH-" run "-" i
    day = 1 + int(rand() * 300); dur = int(rand() * 30)
    printf "%s-r,erhvervs-og-selskabsstyrelsen,selskabsstiftelse,%s,received,%s\n", c, c, d(day, 9)
    if (i % 5 == 0 && dur > 2) {
      printf "%s-p,erhvervs-og-selskabsstyrelsen,selskabsstiftelse,%s,paused,%s\n", c, c, d(day + 1, 10)
      printf "%s-s,erhvervs-og-selskabsstyrelsen,selskabsstiftelse,%s,resumed,%s\n", c, c, d(day + 2, 10)
    }
    printf "%s-d,erhvervs-og-selskabsstyrelsen,selskabsstiftelse,%s,decided,%s\n", c, c, d(day + dur + 2, 14)
  }
}
function d(n, h,   m, md, y) {
  split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
  y = 2024; md[2] = 29
  for (m = 1; n > md[m]; m++) { n -= md[m]; if (m == 12) { m = 0; y++; md[2] = 28 } }
  return sprintf("%04d-%02d-%02dT%02d:00:00", y, m, n, h)
}' > "$file"

events=$(($(wc -l < "$file") - 1))
start=$(date +%s.%N)
status=$(curl -s -o /tmp/klaremaal-bench-answer.json -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' -T "$file" "$base/api/v1/case-events")
end=$(date +%s.%N)
echo "HTTP $status: $(head -c 200 /tmp/klaremaal-bench-answer.json)"
awk -v e="$events" -v s="$start" -v t="$end" 'BEGIN { printf "%d events in %.2f s = %.0f events/s\n", e, t - s, e / (t - s) }'
