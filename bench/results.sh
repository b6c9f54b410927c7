#!/usr/bin/env bash
# Measures how long the results of every goal take to compute on a running Klaremål:
#   bench/results.sh [base-url]
# Fetches GET /api/v1/goals/{id}/results once for every goal of every organisation and prints the
# time per goal kind and in all.
set -euo pipefail
base=${1:-http://localhost:8080}
python3 - "$base" <<'PY'
import json, sys, time, urllib.request
base = sys.argv[1] + "/api/v1"
get = lambda path: json.load(urllib.request.urlopen(base + path))
times = {}
total = time.perf_counter()
for org in get("/organisations"):
    for goal in get("/organisations/%s/goals" % org["slug"]):
        start = time.perf_counter()
        get("/goals/%d/results" % goal["id"])
        times.setdefault(goal["indicator"]["kind"], []).append(time.perf_counter() - start)
for kind, t in sorted(times.items()):
    print("%-16s %3d goals  mean %6.1f ms  max %6.1f ms" % (kind, len(t), 1000 * sum(t) / len(t), 1000 * max(t)))
print("all goals, with listing: %.2f s" % (time.perf_counter() - total))
PY
