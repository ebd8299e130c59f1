#!/usr/bin/env bash
# Operation reports over REST (issue 5): the built distribution on a fresh PostgreSQL database,
# a product with 2 backflushed components and a 2-operation routing set up through REST, then
# `clients` threads posting reports (unique keys; 1 good at op 10, then 1 good at op 20 which
# backflushes and receives the product), a warm-up excluded; then retries with the same keys;
# then the rows counted against the accepted reports.
# Usage: bench/execution.sh [reports (default 20000)] [clients (default 4)]
# Needs `mvn -DskipTests install` first. Extra Maven options: MVN_OPTS (e.g. "-o -Dmaven.repo.local=…").
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-20000}"
clients="${2:-4}"
# shellcheck source=bench/server-pg.sh
. bench/server-pg.sh
cp=$(bench_classpath)
echo "load before: $(uptime)"
java -Xmx1g -cp "$cp" io.tianshu.bench.ExecutionBench "$base" "$jdbc" "$reports" "$clients"
echo "load after: $(uptime)"
