#!/usr/bin/env bash
# Alert latency (issue #5): ingest of a failing boot sequence -> Slack webhook request, p50/p99.
# Builds the packaged jar, then runs dev.rootline.it.AlertLatencyBench against it. Argument: sequences measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
./mvnw -q -B -ntp test-compile
exec java -Drootline.runner-jar=target/quarkus-app/quarkus-run.jar \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.rootline.it.AlertLatencyBench "$@"
