#!/usr/bin/env bash
# Ingest while services fail, against a packaged app started here (see docs/benchmarks.md, "Failures"):
#   bench/storm.sh storm 1 100 1 180    # 1 client, 100 instances crash-looping, 1 s of event time a batch, 3 min
#   bench/storm.sh dense 2 400 10 60    # 2 clients (services), 400-line batches, every other line a failure
# env: APP (target/quarkus-app: the app to load, e.g. an older build's), JAVA_OPTS (-Xmx512m), PORT (8091),
# SCOPE (a command the app runs under, e.g. "systemd-run --scope -p MemoryMax=512M")
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
data=$(mktemp -d)
port=${PORT:-8091}
env ROOTLINE_DATA_DIR="$data" QUARKUS_HTTP_PORT="$port" ${SCOPE:-} java ${JAVA_OPTS:--Xmx512m} \
    -jar "${APP:-target/quarkus-app}/quarkus-run.jar" >"$data.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 1; done
java -Drootline.url="http://127.0.0.1:$port" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.rootline.it.StormBench "$@"
echo "app CPU: $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f s", ($14 + $15) / hz}' /proc/$app/stat)," \
    "peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$app/status)"
