#!/usr/bin/env bash
# Rootline inside a memory limit, with the JVM settings of docker/Dockerfile (see docs/benchmarks.md, "Memory"):
# the packaged app in a cgroup of its own capped at LIMIT, loaded with bench/stream.lua (wrk, 2 connections) for
# SECONDS while a crash storm (StormBench: 100 instances, 1 s of event time a batch) runs through its first three
# minutes; then the same without the cap. Prints each run's throughput, the cgroup's peak and OOM kills, the
# process's peak RSS and its native memory by area, the time the collector paused it, and in the cap the page
# cache left and the major faults taken; then the same minute by minute. Root only; cgroup v1 or v2.
#   bench/memory.sh          env: LIMIT (512M), SECONDS_OF_LOAD (600), STORM (180), RUNS ("capped free": which),
#                            EXTRA (JVM options added to the Dockerfile's, to try other settings)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${LIMIT:-512M}
load=${SECONDS_OF_LOAD:-600}
storm=${STORM:-180}
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_opts=$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' docker/Dockerfile)
export MALLOC_ARENA_MAX=$(sed -n 's/.*MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' docker/Dockerfile)
bytes=$(numfmt --from=iec "$limit")
own=$(awk -F: '$2 == "memory" || $1 == "0" {print $3; exit}' /proc/self/cgroup)
if [[ -d /sys/fs/cgroup/memory ]]; then
    cg=/sys/fs/cgroup/memory$own/rootline-bench
    mkdir -p "$cg" && echo "$bytes" >"$cg/memory.limit_in_bytes"
    peak() { awk '{printf "%.0f MiB", $1 / 1048576}' "$cg/memory.max_usage_in_bytes"; }
    kills() { awk '$1 == "oom_kill" {print $2}' "$cg/memory.oom_control"; }
    fields=(total_rss total_cache total_pgmajfault)
else
    cg=/sys/fs/cgroup$own/rootline-bench
    mkdir -p "$cg" && echo "$bytes" >"$cg/memory.max"
    peak() { awk '{printf "%.0f MiB", $1 / 1048576}' "$cg/memory.peak"; }
    kills() { awk '$1 == "oom_kill" {print $2}' "$cg/memory.events"; }
    fields=(anon file pgmajfault)
fi
stat() { # the cgroup's anonymous memory, page cache and major faults, under the names of its version
    awk -v anon="${fields[0]}" -v file="${fields[1]}" -v faults="${fields[2]}" \
        '$1 == anon {a = $2} $1 == file {c = $2} $1 == faults {f = $2}
        END {printf "anonymous %.0f MiB, page cache %.0f MiB, %d major faults", a / 1048576, c / 1048576, f}' "$cg/memory.stat"
}
trap 'rmdir "$cg" 2>/dev/null || true' EXIT
minutes() { # port, capped|free, gc log: each minute's entries/s, the collector's pauses so far and, capped, the cgroup
    local prev=0 now m=0
    while sleep 60; do
        now=$(curl -s "http://127.0.0.1:$1/q/metrics" | awk '/^rootline_entries_accepted_total/ {printf "%d", $2}')
        now=${now:-$prev}
        echo "  minute $((m += 1)): $(((now - prev) / 60)) entries/s; pauses $(awk '/Pause/ {s += $NF + 0} END {printf "%.1f s", s / 1000}' "$3")$([[ $2 == capped ]] && echo "; $(stat)")"
        prev=$now
    done
}
run() { # label, then "capped" to run inside the cgroup
    local data port=8095 app
    if curl -s -o /dev/null "http://127.0.0.1:$port"; then
        echo "port $port is taken: another app would be measured" >&2
        exit 1
    fi
    data=$(mktemp -d)
    (
        [[ $2 == capped ]] && echo "$BASHPID" >"$cg/cgroup.procs"
        exec env ROOTLINE_DATA_DIR="$data" QUARKUS_HTTP_PORT=$port \
            java $java_opts ${EXTRA:-} -Xlog:gc:file="$data.gc" $([[ $2 == free ]] && echo -XX:NativeMemoryTracking=summary) \
            -jar target/quarkus-app/quarkus-run.jar >"$data.log" 2>&1
    ) &
    app=$!
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 1; done
    minutes $port "$2" "$data.gc" >"$data.minutes" &
    local sampler=$!
    java -Drootline.url="http://127.0.0.1:$port" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
        dev.rootline.it.StormBench storm 1 100 1 "$storm" >"$data.storm" 2>&1 &
    local out
    out=$(wrk -t2 -c2 -d"${load}s" -s bench/stream.lua --latency "http://127.0.0.1:$port")
    wait $! || true
    kill $sampler || true
    echo "$1: stream $(awk '/Requests\/sec/ {printf "%.0f entries/s", $2 * 1000}' <<<"$out"), p99 $(awk '$1 == "99%" {print $2}' <<<"$out");" \
        "storm $(grep -o 'storm: .*' "$data.storm" || echo "failed: $(tail -1 "$data.storm")")"
    cat "$data.minutes"
    if kill -0 $app 2>/dev/null; then
        echo "  alive; peak RSS $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$app/status)$([[ $2 == capped ]] && echo ", cgroup peak $(peak), OOM kills $(kills); $(stat)")"
        echo "  collector: $(awk '/Pause/ {n++; s += $NF + 0; if ($0 ~ /Full/) f++} END {printf "%d pauses (%d full), %.1f s in all", n, f, s / 1000}' "$data.gc")"
        [[ $2 == free ]] && jcmd $app VM.native_memory summary | sed -n 's/^- *\([^(]*[^ (]\) *(reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\2 \1/p' \
            | sort -rn | head -8 | awk '{n = $1; $1 = ""; printf "  %s: %.0f MiB\n", substr($0, 2), n / 1024}'
        kill $app; wait $app 2>/dev/null || true
    else
        echo "  DIED$([[ $2 == capped ]] && echo "; OOM kills $(kills)")"; tail -3 "$data.log"
    fi
    rm -rf "$data" "$data.log" "$data.storm" "$data.gc" "$data.minutes"
}
echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX JAVA_OPTS: $java_opts"
for which in ${RUNS:-capped free}; do
    if [[ $which == capped ]]; then run "capped at $limit" capped; else run "no cap (native memory tracked)" free; fi
done
