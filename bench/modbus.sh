#!/usr/bin/env bash
# Modbus TCP polling (issue 7): the connector's j2mod slave simulator on loopback; j2mod masters read
# 125 holding registers per poll (one request), back to back, first 1 master, then `clients` concurrent
# masters (one connection each); latency percentiles per poll; then the cost of decoding a 125-register
# poll (the connector's PollDecoder) in process. No server, no database.
# Usage: bench/modbus.sh [seconds per phase (default 10)] [clients (default 4)]
# Extra Maven options: MVN_OPTS (e.g. "-o -Dmaven.repo.local=…").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
clients="${2:-4}"
# shellcheck disable=SC2086 # MVN_OPTS is a list of options
mvn -B -q -ntp ${MVN_OPTS:-} -DskipTests package -pl bench >&2
# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_OPTS:-} -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
echo "load before: $(uptime)"
java -Xmx512m -cp "$cp" io.tianshu.bench.ModbusBench "$seconds" "$clients"
echo "load after: $(uptime)"
