#!/usr/bin/env bash
# Measures receipt-letter rendering on a running Klaremål with the demo data (./klaremaal run):
#   bench/letters.sh [letters] [base-url] [token]
# Renders the same case's letter as HTML and as PDF `letters` times each, one after another, and
# prints the mean time per letter (the first of each is left out as warm-up).
set -euo pipefail
n=${1:-20}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
body='{"organisation":"vejle-teknik-og-miljoe","caseType":"byggetilladelse","caseNumber":"BENCH-1","applicantName":"Søren Ågård","receivedDate":"2025-06-02"}'
for format in html pdf; do
  total=0
  for i in $(seq 0 "$n"); do
    t=$(curl -s -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "$body" "$base/api/v1/letters?format=$format")
    [ "$i" -gt 0 ] && total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
  done
  awk -v t="$total" -v n="$n" -v f="$format" 'BEGIN { printf "%s: %d letters, mean %.1f ms per letter\n", f, n, 1000 * t / n }'
done
