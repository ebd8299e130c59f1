#!/usr/bin/env bash
# End-to-end plan run benchmark on PostgreSQL: model imported and demand copied into a fresh database
# (setup), then one plan run timed as the server runs it: load, consume, MRP, save by COPY; dropped after.
# Usage: bench/plan.sh [materials (default 100000)] [demand lines (default 1000000)] [seed (default 42)] [runs (default 2)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -pl bench -am
mvn -B -q -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Xmx12g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  io.tianshu.planning.internal.PlanBench "$@"
