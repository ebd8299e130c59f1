#!/usr/bin/env bash
# Lot genealogy trace (issue 5): the built distribution on a fresh PostgreSQL database; a genealogy
# history of `edges` rows (7 lot levels raw → finished, fan-in/fan-out ≈ 3, 20 plants, interleaved in
# time) written by COPY into lot_genealogy with its materials, plants and work orders; then
# GET /genealogy … levels=5 forward from raw lots and backward from finished lots, timed through REST,
# and EXPLAIN ANALYZE of one lot's edge query.
# Usage: bench/trace.sh [edges (default 10000000)] [samples per direction (default 200)]
# Needs `mvn -DskipTests install` first. Extra Maven options: MVN_OPTS. BENCH_KEEP_DB=1 keeps the database.
set -euo pipefail
cd "$(dirname "$0")/.."
edges="${1:-10000000}"
samples="${2:-200}"
# shellcheck source=bench/server-pg.sh
. bench/server-pg.sh
cp=$(bench_classpath)
echo "load before: $(uptime)"
java -Xmx2g -cp "$cp" io.tianshu.bench.TraceBench "$base" "$jdbc" "$edges" "$samples"
echo "load after: $(uptime)"
