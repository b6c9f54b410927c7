#!/usr/bin/env bash
# Klaremål's yearly mean processing times against DuckDB's, computed independently from the same
# stored events, and the time each takes (see src/test/java/dk/klaremaal/bench/DuckDbComparison.java):
#   bench/duckdb.sh [jdbc-url] [user] [base-url] [admin-token]
# Fails when any yearly mean differs.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-jdbc:postgresql://127.0.0.1:5432/klaremaal_demo}
user=${2:-postgres}
base=${3:-http://localhost:8080}
token=${4:-demo-token-klaremaal}
./klaremaal mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
exec "$(./klaremaal java-home)/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dk.klaremaal.bench.DuckDbComparison "$url" "$user" "$base" "$token"
