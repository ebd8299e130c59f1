#!/usr/bin/env bash
# Builds Tianshu (tests skipped) and starts it in the foreground on the embedded Derby database,
# with the demo group loaded on first start. Ctrl-D or `shutdown` at the console stops it.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests install -pl karaf-assembly -am
home=karaf-assembly/target/assembly
chmod +x "$home"/bin/*
cat <<INFO

  Tianshu (天枢) is starting from $home
  REST API   http://127.0.0.1:8181/api/v1   (GET /health, GET /openapi.json are open)
  Console    this terminal, or: ssh -p 8101 admin@127.0.0.1
  Login      user admin; password from TIANSHU_ADMIN_PASSWORD, or generated and printed
             below on the first start (only once). Try: mom:status, mom:plant-list

INFO
export TIANSHU_DEMO="${TIANSHU_DEMO:-true}"
exec "$home/bin/karaf"
