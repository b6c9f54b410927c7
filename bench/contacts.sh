#!/usr/bin/env bash
# Measures contact CSV ingest on a running Klaremål with the demo data (./klaremaal run):
#   bench/contacts.sh [contacts] [base-url] [token]
# Generates phone calls to Erhvervs- og Selskabsstyrelsen in 2024 (answered after 0–120 s, every
# twentieth abandoned), posts them in one request and prints contacts per second.
set -euo pipefail
contacts=${1:-100000}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
run=$(date +%s)
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"' EXIT

awk -v n="$contacts" -v run="$run" 'BEGIN {
  print "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome"
  srand(7)
  for (i = 1; i <= n; i++) {
    day = 1 + int(rand() * 28); month = 1 + int(rand() * 12); h = 8 + int(rand() * 8); m = int(rand() * 60)
    offered = sprintf("2024-%02d-%02dT%02d:%02d:00", month, day, h, m)
    if (i % 20 == 0) {
      printf "bench-%s-%d,erhvervs-og-selskabsstyrelsen,phone,%s,,true,\n", run, i, offered
    } else {
      t = h * 3600 + m * 60 + int(rand() * 120)
      printf "bench-%s-%d,erhvervs-og-selskabsstyrelsen,phone,%s,2024-%02d-%02dT%02d:%02d:%02d,,active-service\n", run, i, offered,
        month, day, int(t / 3600), int(t % 3600 / 60), t % 60
    }
  }
}' > "$file"

rows=$(($(wc -l < "$file") - 1))
start=$(date +%s.%N)
status=$(curl -s -o /tmp/klaremaal-bench-answer.json -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' -T "$file" "$base/api/v1/contacts")
end=$(date +%s.%N)
echo "HTTP $status: $(head -c 200 /tmp/klaremaal-bench-answer.json)"
awk -v e="$rows" -v s="$start" -v t="$end" 'BEGIN { printf "%d contacts in %.2f s = %.0f contacts/s\n", e, t - s, e / (t - s) }'
