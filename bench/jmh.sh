#!/usr/bin/env bash
# Runs the JMH benchmarks under src/test/java/dev/rootline/bench. Arguments go to JMH, e.g. a regex:
#   bench/jmh.sh NormaliseBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
