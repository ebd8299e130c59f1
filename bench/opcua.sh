#!/usr/bin/env bash
# OPC UA value changes per second handled end to end (issue 7): a Milo server process with `items`
# variables changed by a writer thread, and a client process running the connector's own Milo client,
# monitored items and machine signals (MachineSignals on MemoryMachineStore: no database) over all
# items; a warm-up excluded, then `seconds` measured. See docs/benchmarks.md.
# Usage: bench/opcua.sh [items (default 50000)] [seconds (default 30)] [security None|Basic256Sha256 (default None)]
# Environment: OPCUA_RATE (server writes/s, 0 = as fast as possible; default 0), OPCUA_SUBSCRIPTIONS
# (default 1, as the connector), OPCUA_PUBLISHING_MS (default 100), OPCUA_SAMPLING_MS (default 0),
# OPCUA_WARMUP (seconds, default 15), OPCUA_PORT (default 14840), SERVER_JAVA_OPTS (default -Xmx2g),
# CLIENT_JAVA_OPTS (default -Xmx1g, the Karaf node's JAVA_MAX_MEM), MVN_OPTS (extra Maven options,
# e.g. "-o -Dmaven.repo.local=…"; set SKIP_BUILD=1 to reuse bench/target).
# Needs `mvn -DskipTests install` first.
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-50000}"
seconds="${2:-30}"
security="${3:-None}"
case "$security" in None | Basic256Sha256) ;; *) echo "security: None or Basic256Sha256" >&2; exit 2 ;; esac
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086 # MVN_OPTS is a list of options
  mvn -B -q -ntp ${MVN_OPTS:-} -DskipTests package -pl bench
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_OPTS:-} -pl bench antrun:run@bench-classpath
fi
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
port="${OPCUA_PORT:-14840}"
work=$(mktemp -d /tmp/tianshu-opcua-bench.XXXX)
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
java ${SERVER_JAVA_OPTS:--Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" io.tianshu.bench.OpcUaBench \
  server "$items" "$port" "$security" "${OPCUA_RATE:-0}" "$work/server.der" "$work/ready" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  [ -f "$work/ready" ] && break
  kill -0 "$server" 2>/dev/null || { echo "server died" >&2; exit 1; }
  sleep 0.1
done
[ -f "$work/ready" ] || { echo "server not ready" >&2; exit 1; }
echo "load before: $(uptime)"
# shellcheck disable=SC2086 # CLIENT_JAVA_OPTS is a list of options
java ${CLIENT_JAVA_OPTS:--Xmx1g} -Djava.io.tmpdir="$work" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" io.tianshu.bench.OpcUaBench \
  client "opc.tcp://127.0.0.1:$port/bench" "$items" "$seconds" "${OPCUA_WARMUP:-15}" "$security" \
  "${OPCUA_SUBSCRIPTIONS:-1}" "${OPCUA_PUBLISHING_MS:-100}" "${OPCUA_SAMPLING_MS:-0}" "$work/server.der"
echo "load after: $(uptime)"
