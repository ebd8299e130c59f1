# Sourced by bench/execution.sh and bench/trace.sh: unpacks the built distribution
# (karaf-assembly/target/tianshu-*.tar.gz) into a temporary folder, points it at a fresh database on
# the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres), starts it on BENCH_HTTP_PORT
# (default 19181) / BENCH_SSH_PORT (default 19101) and waits for GET /api/v1/health = 200.
# Sets: home, pgdb, port, base (REST base URL), jdbc (JDBC URL of the database), TIANSHU_ADMIN_PASSWORD.
# The database is dropped on exit unless BENCH_KEEP_DB=1. Extra Maven options: MVN_OPTS.
tar=$(ls karaf-assembly/target/tianshu-*.tar.gz | head -1)
work=$(mktemp -d /tmp/tianshu-bench.XXXX)
tar -xzf "$tar" -C "$work"
home=$(ls -d "$work"/tianshu-*)
port="${BENCH_HTTP_PORT:-19181}"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = ${BENCH_SSH_PORT:-19101}/" "$home/etc/org.apache.karaf.shell.cfg"
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
jdbc="jdbc:postgresql://127.0.0.1:5432/$pgdb"
base="http://127.0.0.1:$port/api/v1"
export TIANSHU_ADMIN_PASSWORD="Bench-Admin-$$-pw"
"$home/bin/start"
bench_cleanup() {
  "$home/bin/stop" >/dev/null 2>&1 || true
  sleep 3
  local pid
  pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP_DB:-0}" = 1 ]; then
    echo "kept database $pgdb"
  else
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" || true
  fi
  rm -rf "$work"
}
trap bench_cleanup EXIT
for _ in $(seq 1 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)
  [ "$code" = 200 ] && break
  sleep 0.1
done
[ "$code" = 200 ] || { echo "server did not answer on $base/health" >&2; exit 1; }
# The execution API registers after health on a slow machine: wait for it too.
auth="Authorization: Basic $(printf 'admin:%s' "$TIANSHU_ADMIN_PASSWORD" | base64 -w0)"
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$base/work-orders?limit=1" || true)
  [ "$code" = 200 ] && break
  sleep 0.1
done
# Builds the bench module against the installed artifacts and writes its class path.
bench_classpath() {
  # shellcheck disable=SC2086 # MVN_OPTS is a list of options
  mvn -B -q -ntp ${MVN_OPTS:-} -DskipTests package -pl bench >&2
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_OPTS:-} -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
  echo "bench/target/classes:$(cat bench/target/bench.classpath)"
}
