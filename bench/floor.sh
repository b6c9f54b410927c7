#!/usr/bin/env bash
# What PostgreSQL alone takes to store the rows an ingest of case events keeps, without any of the
# ingest's own work (see src/test/java/dk/klaremaal/bench/StorageFloor.java): the events, records,
# spans and histograms in the database are copied out and straight back into empty copies of their
# tables, with the tables' indexes and with the indexes built after. Run it after an ingest:
#   bench/floor.sh [jdbc-url] [user] [work_mem]
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-jdbc:postgresql://127.0.0.1:5432/klaremaal_demo}
user=${2:-postgres}
memory=${3:-256MB}
./klaremaal mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
exec "$(./klaremaal java-home)/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dk.klaremaal.bench.StorageFloor "$url" "$user" "$memory"
