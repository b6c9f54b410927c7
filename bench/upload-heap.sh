#!/usr/bin/env bash
# Measures the heap one ~200 MB upload of each dataset costs: starts Klaremål with the demo data and a
# 512 MB heap (./klaremaal run, embedded PostgreSQL in ./data), then
#   bench/upload-heap.sh [port] [megabytes]
# generates a file of about `megabytes` MB (default 195, inside the 200 MB upload limit) of contacts,
# survey answers, downtime, availability probes, reported values, and contacts again as one JSON array;
# posts each in one request; and prints, per upload, the HTTP status, the rows, the seconds, the peak
# heap in use (the most the GC log saw before a collection) and the most that stayed live after one,
# and whether the application still answered a page afterwards. The application is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8091}
megabytes=${2:-195}
token=demo-token-klaremaal
base=http://localhost:$port
bytes=$((megabytes * 1000 * 1000))
run=$(date +%s)
work=$(mktemp -d)
app=

descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}

stop() {
  if [ -n "$app" ]; then
    # The application's JVM (a child of Maven's), then Maven itself: only the processes this script started.
    for p in $(descendants "$app"); do
      grep -q KlaremaalApplication "/proc/$p/cmdline" 2>/dev/null && kill "$p" 2>/dev/null || true
    done
    wait "$app" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

echo "starting Klaremål on port $port with -Xmx512m (log: $work/app.log)" >&2
PORT=$port KLAREMAAL_RATE_LIMIT_BURST=1000000 KLAREMAAL_RATE_LIMIT_PER_MINUTE=1000000 \
  ./klaremaal run "-Dspring-boot.run.jvmArguments=-Xmx512m -Xlog:gc:file=$work/gc.log:uptime" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do
  curl -s -o /dev/null -m 2 "$base/" && break
  kill -0 "$app" 2>/dev/null || { tail -40 "$work/app.log" >&2; exit 1; }
  sleep 1
done
# The demo data (and its API token) is loaded after start: ready when an empty upload is taken.
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary $'contact_id,organisation,channel,offered_at\n' "$base/api/v1/contacts")" = 200 ] && break
  kill -0 "$app" 2>/dev/null || { tail -40 "$work/app.log" >&2; exit 1; }
  sleep 1
done

# Lines of an awk program, repeated until the file holds about `bytes` bytes; `i` numbers the rows.
generate() {
  local header=$1 body=$2 out=$3
  awk -v bytes="$bytes" -v run="$run" -v header="$header" 'BEGIN {
    print header; size = length(header) + 1; srand(11)
    for (i = 1; size < bytes; i++) { line = '"$body"'; print line; size += length(line) + 1 }
  }' > "$out"
}

generate "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome" \
  'sprintf("heap-%s-%d,erhvervs-og-selskabsstyrelsen,phone,2024-%02d-%02dT10:%02d:00,2024-%02d-%02dT10:%02d:30,,active-service", run, i, m = 1 + i % 12, d = 1 + i % 28, n = i % 60, m, d, n)' \
  "$work/contacts.csv"
generate "response_id,organisation,survey,question,answered_on,score" \
  'sprintf("heap-%s-%d,cpr-kontoret,kundeundersoegelse,levering,2024-%02d-%02d,%d", run, i, 1 + i % 12, 1 + i % 28, 1 + i % 5)' \
  "$work/survey-responses.csv"
generate "downtime_id,organisation,system,started_at,ended_at" \
  'sprintf("heap-%s-%d,oekonomistyrelsen,selvbetjening-inddrivelse,2024-%02d-%02dT%02d:00:00,2024-%02d-%02dT%02d:05:00", run, i, m = 1 + i % 12, d = 1 + i % 28, h = i % 24, m, d, h)' \
  "$work/downtime.csv"
# One probe a second from 2023-01-02, each at its own moment (a fraction of a second no other run uses).
generate "organisation,system,probed_at,up" \
  'sprintf("oekonomistyrelsen,selvbetjening-inddrivelse,%s.%06d,%s", strftime("%Y-%m-%dT%H:%M:%S", 1672617600 + i, 1), run % 1000000, (i % 50 ? "true" : "false"))' \
  "$work/availability-probes.csv"
# Reported values: the yearly count series of the demo, each year 2000–2025 over and over (repeats are duplicates).
generate "organisation,series,period,value,reported_by" \
  'sprintf("%s,%d,%d,Bench Reporter", s[i % 6] ? s[i % 6] : (s[0] = "arbejdsskadestyrelsen,omgjorte-afgoerelser") (s[1] = "arbejdsskadestyrelsen,netkroner") (s[2] = "su-styrelsen,kender-tilbagebetaling") (s[3] = "su-styrelsen,modtagere-med-tilbagebetaling") (s[4] = "skat,selvangivelser-online") (s[5] = "skat,selvangivelser-i-alt") ? s[i % 6] : "", 2000 + int(i / 6) % 26, 1000 + int(i / 6) % 26)' \
  "$work/reported-values.csv"
awk -v bytes="$bytes" -v run="$run" 'BEGIN {
  printf "["; size = 1
  for (i = 1; size < bytes; i++) {
    line = sprintf("%s{\"contact_id\":\"heap-json-%s-%d\",\"organisation\":\"erhvervs-og-selskabsstyrelsen\",\"channel\":\"phone\",\"offered_at\":\"2024-%02d-%02dT11:%02d:00\",\"answered_at\":\"2024-%02d-%02dT11:%02d:40\",\"outcome\":\"active-service\"}\n",
                   i > 1 ? "," : "", run, i, m = 1 + i % 12, d = 1 + i % 28, n = i % 60, m, d, n)
    printf "%s", line; size += length(line)
  }
  print "]"
}' > "$work/contacts.json"

# The most heap in use before any collection, and the most left after one, in the GC log lines from line $1 on.
heap() {
  tail -n +"$1" "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' \
    | awk -F'[M>(-]+' '{ if ($1 > before) before = $1; if ($2 > after) after = $2 } END { printf "%d MB\t%d MB", before, after }'
}

printf 'dataset\tformat\tMB\trows\tHTTP\tseconds\tpeak heap used\tpeak live after GC\tanswers after\n'
upload() {
  local dataset=$1 file=$2 type=$3 from start end status rows mb answers
  from=$(($(wc -l < "$work/gc.log") + 1))
  mb=$(($(stat -c %s "$file") / 1000000))
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -m 3600 -X POST -H "Authorization: Bearer $token" \
    -H "Content-Type: $type" -T "$file" "$base/api/v1/$dataset" || echo "---")
  end=$(date +%s.%N)
  rows=$(grep -o '"rows":[0-9]*' "$work/answer.json" | cut -d: -f2 || true)
  [ "$status" = 200 ] || echo "$dataset: $(head -c 300 "$work/answer.json")" >&2
  answers=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$base/api/v1/organisations" || echo "---")
  printf '%s\t%s\t%d\t%s\t%s\t%.1f\t%s\t%s\n' "$dataset" "${type#*/}" "$mb" "${rows:-?}" "$status" \
    "$(echo "$end - $start" | bc)" "$(heap "$from")" "$answers"
  rm -f "$file"
}
upload contacts "$work/contacts.csv" text/csv
upload survey-responses "$work/survey-responses.csv" text/csv
upload downtime "$work/downtime.csv" text/csv
upload availability-probes "$work/availability-probes.csv" text/csv
upload reported-values "$work/reported-values.csv" text/csv
upload contacts "$work/contacts.json" application/json
