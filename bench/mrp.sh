#!/usr/bin/env bash
# MRP engine benchmark: the 8-level BOM model, 1M demand lines, 365 daily buckets; times the engine alone.
# Usage: bench/mrp.sh [materials (default 100000)] [demand lines (default 1000000)] [seed (default 42)]
# JVM options: MRP_JAVA_OPTS (default -Xmx6g), e.g. MRP_JAVA_OPTS=-Xmx3g bench/mrp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -pl bench -am
mvn -B -q -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# shellcheck disable=SC2086 # MRP_JAVA_OPTS is a list of options
exec java ${MRP_JAVA_OPTS:--Xmx6g} -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  io.tianshu.bench.MrpBench "$@"
