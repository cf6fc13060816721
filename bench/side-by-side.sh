#!/usr/bin/env bash
# Two Rootline apps side by side, loaded in turns, so that a noisy machine slows both alike: the packaged app with
# correlation on (port 8081) and off (8082), each with its own data dir and -Xmx512m, each warmed up, then
# SLICES alternating wrk runs of SLICE seconds. Prints each slice's throughput, latency and the app's CPU time
# (user + system, /proc/PID/stat) per request. Needs wrk and a packaged app: ./mvnw package -DskipTests.
#   bench/side-by-side.sh [app dir for 8081] [app dir for 8082]    env: WARM (150), SLICES (5), SLICE (30),
#   CONNECTIONS (2: requests in flight, spread over the two services of the two wrk threads), SCRIPT
#   (bench/stream.lua: the wrk script that loads them, e.g. bench/push-live.lua with CONNECTIONS=64),
#   SECOND_ENV (ROOTLINE_CORRELATION_ENABLED=false: what sets the second app apart), FIRST_ENV (none),
#   SERVER (a process name, e.g. postgres: its processes' CPU in a slice is added to the loaded app's; only one
#   app is loaded at a time, so it is that app's share), THREADS (1: also split each slice's CPU by the app's
#   threads: requests, which correlate, the indexer, Lucene's merges, GC, JIT; threads that ended within the slice,
#   most of them merges, are counted as "ended")
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-target/quarkus-app}
second=${2:-target/quarkus-app}
data1=$(mktemp -d) data2=$(mktemp -d)
env ROOTLINE_DATA_DIR="$data1" QUARKUS_HTTP_PORT=8081 ${FIRST_ENV:-} java -Xmx512m -jar "$first/quarkus-run.jar" >"$data1.log" 2>&1 &
pid1=$!
env ROOTLINE_DATA_DIR="$data2" QUARKUS_HTTP_PORT=8082 ${SECOND_ENV:-ROOTLINE_CORRELATION_ENABLED=false} \
    java -Xmx512m -jar "$second/quarkus-run.jar" >"$data2.log" 2>&1 &
pid2=$!
trap 'kill $pid1 $pid2 2>/dev/null; rm -rf "$data1" "$data2"' EXIT
for port in 8081 8082; do
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 1; done
done
for port in 8081 8082; do
    wrk -t2 -c"${CONNECTIONS:-2}" -d"${WARM:-150}s" -s "${SCRIPT:-bench/stream.lua}" "http://127.0.0.1:$port" >/dev/null
done
cpu() { # pid: the app's CPU ticks, and its server's, with those of the server's processes that have ended: a
    # backend or an autovacuum worker that exits within a slice is added to its parent's reaped-children time
    local pids=("$1")
    [[ -n ${SERVER:-} ]] && pids+=($(pgrep -x "$SERVER"))
    (cd /proc && cat "${pids[@]/%//stat}" 2>/dev/null) | awk '{sum += $14 + $15 + $16 + $17} END {print sum}'
}
threads() { # pid: "thread-id group ticks" for each live thread, grouped by its name, and "all" for the process
    local t
    for t in /proc/"$1"/task/*; do
        echo "${t##*/} $({ tr -d ' ' <"$t/comm"; } 2>/dev/null) $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"
    done | awk '$3 != "" {
        g = $2 ~ /^executor/ ? "requests" : $2 ~ /^rootline-indexe/ ? "indexer" : $2 ~ /^LuceneMerge/ ? "merges" \
          : $2 ~ /^(GCThread|G1)/ ? "gc" : $2 ~ /^C[12]Compiler/ ? "jit" : "other"
        print $1, g, $3 }'
    echo "all all $(sed 's/.*) //' /proc/"$1"/stat | awk '{print $12 + $13}')"
}
by_thread() { # before after requests: ms per request by thread group
    awk -v hz="$(getconf CLK_TCK)" -v n="$3" 'FNR == NR { was[$1] = $3; next }
        { d = $3 - was[$1]; if ($1 == "all") all = d; else { by[$2] += d; seen += d } }
        END { by["ended"] = all - seen; split("requests indexer merges ended gc jit other", order)
              for (i = 1; i <= 7; i++) printf " %s=%.2f", order[i], by[order[i]] * 1000 / hz / n; print "" }' "$1" "$2"
}
slice() { # label pid port
    local before after out requests by_thread_before
    [[ -n ${THREADS:-} ]] && by_thread_before=$(threads "$2")
    before=$(cpu "$2")
    out=$(wrk -t2 -c"${CONNECTIONS:-2}" -d"${SLICE:-30}s" -s "${SCRIPT:-bench/stream.lua}" --latency "http://127.0.0.1:$3")
    after=$(cpu "$2")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    echo -n "$1 requests/s=$(awk '/Requests\/sec/ {print $2}' <<<"$out") p50=$(awk '$1 == "50%" {print $2}' <<<"$out")" \
        "p99=$(awk '$1 == "99%" {print $2}' <<<"$out") cpu-ms/request=$(echo "scale=2; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)"
    if [[ -n ${THREADS:-} ]]; then
        by_thread <(echo "$by_thread_before") <(threads "$2") "$requests"
    else
        echo
    fi
}
for _ in $(seq "${SLICES:-5}"); do
    slice 8081 "$pid1" 8081
    slice 8082 "$pid2" 8082
done
