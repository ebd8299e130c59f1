#!/usr/bin/env bash
# Net-change MRP benchmark: the MRP benchmark's model (8-level BOM, 1M demand lines, 365 days); builds the
# NetChangePlanner once, then times single random demand changes.
# Usage: bench/netchange.sh [materials (default 100000)] [demand lines (default 1000000)] [seed (default 42)]
#        [applies (default 1000)] [regenerate share (default 1: never for size)] [check]
# JVM options: NETCHANGE_JAVA_OPTS (default -Xmx8g)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -pl bench -am
mvn -B -q -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# shellcheck disable=SC2086 # NETCHANGE_JAVA_OPTS is a list of options
exec java ${NETCHANGE_JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  io.tianshu.bench.NetChangeBench "$@"
