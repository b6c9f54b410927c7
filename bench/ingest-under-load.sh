#!/usr/bin/env bash
# Public answer times while a large case-event upload is stored, against a running Klaremål with the demo
# data, started with an upload limit large enough for the file and the rate limit out of the way, e.g.
#   KLAREMAAL_UPLOAD_MAX_BYTES=4000000000 KLAREMAAL_RATE_LIMIT_BURST=100000000 KLAREMAAL_RATE_LIMIT_PER_MINUTE=100000000 \
#     ./klaremaal run -Dspring-boot.run.jvmArguments=-Xmx512m
#   bench/ingest-under-load.sh [cases] [base-url] [admin-token]
# It
# 1. generates `cases` cases of events for the demo catalogue (./klaremaal generate; 1,040,000 cases are
#    about 3 million events), a new seed each run;
# 2. asks each of the answers below 20 times to warm the application up, then posts the file to /api/v1/case-events in one request (streamed) and, for as long as it runs, asks
#    three public answers over and over, one client each, one request at a time and at most `rate` a second
#    (default 20, as visitors would, not as fast as the machine allows, so the clients do not take the cores
#    the upload and the answers need): a municipality's goal page, the results API of that goal, and Open311's
#    list of the municipality's cases (each request with another end_date, so that none is answered from the
#    page cache and every one reads the case tables);
# 3. prints, for each, the number of requests, the answers that were not 2xx, p50, p99 and the maximum
#    answer time, the five slowest answers with when they were asked (seconds into the upload), and the
#    upload's seconds and events per second.
# The request loops stop when the upload has been answered (or after an hour) and only ever ask base-url.
# It reports numbers; it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1040000}
base=${2:-http://localhost:8080}
token=${3:-demo-token-klaremaal}
rate=${KLAREMAAL_BENCH_RATE:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./klaremaal generate --cases "$cases" --seed "$(date +%s)" --out "$work/events.csv" 2> "$work/generate.log"
echo "generated: $(tail -1 "$work/generate.log")" >&2
events=$(($(wc -l < "$work/events.csv") - 1))

read -r goal organisation < <(python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1] + "/api/v1"
for org in json.load(urllib.request.urlopen(base + "/organisations")):
    for g in json.load(urllib.request.urlopen(base + "/organisations/%s/goals" % org["slug"])):
        if g["indicator"]["kind"] == "processing_time" and org["slug"].endswith("-kommune"):
            print(g["id"], org["slug"]); sys.exit()
PY
)
echo "goal $goal of $organisation" >&2
# Warm up first (compiled code, templates, connections, the goal's results), so that what is measured is the upload's
# effect, not the first answers of a freshly started application.
for i in $(seq 20); do
  for path in "/maal/$goal" "/api/v1/goals/$goal/results" "/open311/v2/requests.json?jurisdiction_id=$organisation"; do
    curl -s -o /dev/null "$base$path"
  done
done

start=$(date +%s.%N)
curl -s -o "$work/answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/csv' -T "$work/events.csv" "$base/api/v1/case-events" > "$work/status" &
upload=$!

python3 - "$base" "$goal" "$organisation" "$upload" "$rate" > "$work/load.txt" <<'PY'
import http.client, os, sys, threading, time, urllib.parse
base, goal, organisation, upload, rate = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
url = urllib.parse.urlparse(base)
began = time.monotonic()
deadline = began + 3600

def uploading():
    try:
        os.kill(upload, 0)
        return time.monotonic() < deadline
    except ProcessLookupError:
        return False

def open311(i):
    # Another end_date each time (one second apart): never the same page twice, so never from the cache.
    end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - i))
    return "/open311/v2/requests.json?jurisdiction_id=%s&end_date=%s" % (organisation, end)

targets = {
    "goal page /maal/%s" % goal: lambda i: "/maal/%s" % goal,
    "results API /api/v1/goals/%s/results" % goal: lambda i: "/api/v1/goals/%s/results" % goal,
    "Open311 /open311/v2/requests.json (%s)" % organisation: open311,
}
times = {name: [] for name in targets}
slowest = []
failures = {name: 0 for name in targets}

def client(name, path):
    connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=120)
    i = 0
    while uploading():
        started = time.monotonic()
        try:
            connection.request("GET", path(i))
            response = connection.getresponse()
            response.read()
            ok = 200 <= response.status < 300
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=120)
        took = time.monotonic() - started
        times[name].append(took)
        slowest.append((took, started - began, name))
        failures[name] += 0 if ok else 1
        i += 1
        time.sleep(max(0.0, 1 / rate - took))

threads = [threading.Thread(target=client, args=(name, path)) for name, path in targets.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

def rank(sorted_times, p):
    # Nearest rank.
    return sorted_times[max(0, -(-len(sorted_times) * p // 100) - 1)]

everything = []
for name, ts in times.items():
    ts.sort()
    everything += ts
    if ts:
        print("| %s | %d | %d | %.3f s | %.3f s | %.3f s |" % (name, len(ts), failures[name], rank(ts, 50), rank(ts, 99), ts[-1]))
everything.sort()
if everything:
    print("| all three | %d | %d | %.3f s | %.3f s | %.3f s |" % (len(everything), sum(failures.values()), rank(everything, 50),
                                                               rank(everything, 99), everything[-1]))
print()
print("Slowest answers: " + "; ".join("%.2f s, asked %.0f s into the upload, %s" % s for s in sorted(slowest, reverse=True)[:5]))
PY
wait "$upload" || true
end=$(date +%s.%N)
status=$(cat "$work/status")
echo "ingest: HTTP $status $(head -c 200 "$work/answer.json")" >&2
seconds=$(python3 -c "print('%.1f' % ($end - $start))")
rate=$(python3 -c "print(int($events / ($end - $start)))")

echo
echo "Upload of $events events ($cases cases): HTTP $status, $seconds s, $rate events/s"
echo
echo "| public answer during the upload | requests | not 2xx | p50 | p99 | max |"
echo "|---|---|---|---|---|---|"
cat "$work/load.txt"
