#!/usr/bin/env bash
# One replica against two on the same machine, both on PostgreSQL and a shared OpenSearch: the cost of sharing.
# Starts two replicas of a PostgreSQL build (ports 8081, 8082, -Xmx512m) on a fresh database and index prefix,
# warms both, then SLICES rounds of: RUN seconds of bench/stream.lua to the first replica alone, and RUN seconds of
# the same load split between the two (bench/replicas.lua). Prints entries/s and the CPU of everything that
# works for it (both replicas, OpenSearch, PostgreSQL) per 1,000-entry batch. Needs wrk, a running OpenSearch
# (OPENSEARCH, http://127.0.0.1:9200) and PostgreSQL (postgres/postgres on 127.0.0.1:5432).
#   bench/replicas.sh [PostgreSQL app dir]    env: OPENSEARCH, OPENSEARCH_PID (its JVM, for CPU), WARM (60),
#   RUN (30), SLICES (3)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-target/quarkus-app}
os=${OPENSEARCH:-http://127.0.0.1:9200}
prefix=bench$(date +%s)
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS rootline_bench WITH (FORCE)" \
    -c "CREATE DATABASE rootline_bench"
pids=()
for port in 8081 8082; do
    env QUARKUS_HTTP_PORT=$port ROOTLINE_DATA_DIR="$(mktemp -d)" \
        QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/rootline_bench \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
        ROOTLINE_STORE_KIND=opensearch ROOTLINE_STORE_OPENSEARCH_HOSTS="$os" \
        ROOTLINE_STORE_OPENSEARCH_INDEX_PREFIX="$prefix" ROOTLINE_STORE_OPENSEARCH_REPLICAS=0 \
        java -Xmx512m -jar "$app/quarkus-run.jar" >"/tmp/replica-$port.log" 2>&1 &
    pids+=($!)
    sleep 5 # one at a time: both migrating the fresh database at once is not what is measured
done
trap 'kill ${pids[*]} 2>/dev/null' EXIT
for port in 8081 8082; do
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 1; done
done
cpu() { # ticks of both replicas, OpenSearch and every PostgreSQL process (ended backends included)
    local all=("${pids[@]}" $(pgrep -x postgres)) p
    [[ -n ${OPENSEARCH_PID:-} ]] && all+=("$OPENSEARCH_PID")
    for p in "${all[@]}"; do cat "/proc/$p/stat" 2>/dev/null; done | sed 's/.*) //' | awk '{s += $12 + $13 + $14 + $15} END {print s}'
}
load() { # name script: one slice, printed
    local before after out requests
    before=$(cpu)
    out=$(SECOND_PORT=8082 wrk -t2 -c2 -d"${RUN:-30}s" -s "$2" --latency http://127.0.0.1:8081)
    after=$(cpu)
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    echo "$1 entries/s=$(awk '/Requests\/sec/ {printf "%.0f", $2 * 1000}' <<<"$out")" \
        "p99=$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "cpu-ms/batch=$(echo "scale=1; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)"
}
SECOND_PORT=8082 wrk -t2 -c2 -d"${WARM:-60}s" -s bench/replicas.lua http://127.0.0.1:8081 >/dev/null
for _ in $(seq 1 "${SLICES:-3}"); do
    load one-replica bench/stream.lua
    load two-replicas bench/replicas.lua
done
