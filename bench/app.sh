#!/usr/bin/env bash
# Benchmarks against the packaged jar (it starts its own copy; see docs/benchmarks.md):
#   bench/app.sh AlertLatencyBench 500     # ingest of a failing boot -> Slack webhook request
#   bench/app.sh TimelineRenderBench 200   # the timeline page with 5,000 incidents over 500 revisions
#   bench/app.sh VerdictLatencyBench 500   # a long-polled verdict answered after the deciding batch
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$1"
shift
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Drootline.runner-jar=target/quarkus-app/quarkus-run.jar \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "dev.rootline.it.$bench" "$@"
