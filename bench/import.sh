#!/usr/bin/env bash
# Exchange import benchmark: the BOM model (100k materials, 8 levels, ~600k lines) as one document,
# imported into a fresh database on the local PostgreSQL (127.0.0.1:5432, trust auth), then dropped.
# Usage: bench/import.sh [materials (default 100000)] [seed (default 42)] [--keep (leave the database)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -pl bench -am
mvn -B -q -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Xmx4g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  io.tianshu.bench.ImportBench "$@"
