#!/usr/bin/env bash
# Chaos under a streaming client (see docs/benchmarks.md): the packaged jar killed with -9, its data directory
# filled up and made read-only (Rootline runs as nobody), and with PROFILE=postgresql PostgreSQL stopped and
# started. Root only: the data directory is a tmpfs of its own.
#   bench/chaos.sh [kills]                     # H2
#   PROFILE=postgresql bench/chaos.sh [kills]  # PostgreSQL at 127.0.0.1:5432, database rootline_test
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-h2}
data=$(mktemp -d /tmp/rootline-chaos-data.XXXXXX)
mount -t tmpfs -o size=256m tmpfs "$data"
trap 'umount "$data" 2>/dev/null || true; rmdir "$data"' EXIT
./mvnw -q -B -ntp package -DskipTests $([ "$profile" = postgresql ] && echo -Ppostgresql) \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Drootline.runner-jar=target/quarkus-app/quarkus-run.jar -Drootline.db-kind="$profile" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.rootline.it.ChaosBench "$data" "${1:-20}"
