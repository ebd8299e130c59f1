#!/usr/bin/env bash
# Platform benchmark: boot time until GET /api/v1/health answers 200, RSS after boot, and REST GET
# throughput with wrk (4 connections, 10 s, loopback) on /health (open) and /materials (Basic
# auth, a plant-scoped database read). Usage: bench/platform.sh [derby|postgresql]
# Needs a built distribution (mvn -DskipTests install) and wrk (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-derby}"
tar=$(ls karaf-assembly/target/tianshu-*.tar.gz | head -1)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/tianshu-bench.XXXX)
tar -xzf "$tar" -C "$work"
home=$(ls -d "$work"/tianshu-*)
port=18181
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = 18101/" "$home/etc/org.apache.karaf.shell.cfg"
pgdb=""
if [ "$db" = postgresql ]; then
  pgdb="tianshu_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $pgdb"
  cat > "$home/etc/org.ops4j.datasource-tianshu.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/$pgdb
user = postgres
password =
dataSourceName = tianshu
pool = dbcp2
xa = true
CFG
fi
export TIANSHU_ADMIN_PASSWORD="Bench-Admin-$$-pw"
export TIANSHU_DEMO=true
start=$(date +%s.%N)
"$home/bin/start"
cleanup() {
  "$home/bin/stop" >/dev/null 2>&1 || true
  sleep 3
  pkill -f "$home" >/dev/null 2>&1 || true
  [ -n "$pgdb" ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
for i in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health" || true)
  [ "$code" = 200 ] && break
  sleep 0.1
done
boot=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}")
# Demo data loads right after boot: wait until the materials are there.
auth="Authorization: Basic $(printf 'admin:%s' "$TIANSHU_ADMIN_PASSWORD" | base64 -w0)"
for i in $(seq 1 100); do
  total=$(curl -s -H "$auth" "http://127.0.0.1:$port/api/v1/materials?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [ "${total:-0}" -ge 10 ] && break
  sleep 0.2
done
plant=$(curl -s -H "$auth" "http://127.0.0.1:$port/api/v1/plants?limit=1" | sed -n 's/^{"items":\[{"id":\([0-9]*\).*/\1/p')
pid=$(cat "$home/karaf.pid" 2>/dev/null || pgrep -f "$home" | head -1)
rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
echo "database: $db"
echo "boot to health 200: ${boot} s"
echo "RSS after boot: ${rss} MB"
# Each endpoint: a cold 10 s run right after boot, two more to warm the JIT, then the measured run.
for round in cold warm1 warm2 measured; do
  h=$(wrk -t2 -c4 -d10s "http://127.0.0.1:$port/api/v1/health" | awk '/Requests\/sec/ {print $2}')
  echo "health    $round: $h req/s"
done
wrk -t2 -c4 -d10s --latency "http://127.0.0.1:$port/api/v1/health" | sed 's/^/health    /'
for round in cold warm1 warm2; do
  m=$(wrk -t2 -c4 -d10s -H "$auth" "http://127.0.0.1:$port/api/v1/materials?limit=10" | awk '/Requests\/sec/ {print $2}')
  echo "materials $round: $m req/s"
done
wrk -t2 -c4 -d10s --latency -H "$auth" "http://127.0.0.1:$port/api/v1/materials?limit=10" | sed 's/^/materials /'
for round in warm measured; do
  g=$(wrk -t2 -c4 -d10s -H "$auth" "http://127.0.0.1:$port/api/v1/plants/$plant" | awk '/Requests\/sec/ {print $2}')
  echo "plant get $round: $g req/s"
done
rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
echo "RSS after load: ${rss} MB"
