#!/usr/bin/env bash
# BOM engine benchmark: generates the 8-level model and times explosion and where-used.
# Usage: bench/bom.sh [materials (default 100000)] [seed (default 42)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install -pl bench -am
exec java -Xmx4g -cp bench/target/classes:bundles/io.tianshu.bom/target/classes:bundles/io.tianshu.core/target/classes \
  io.tianshu.bench.BomBench "$@"
