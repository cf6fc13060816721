package dev.rootline.it;

import dev.rootline.incident.LayeredFailure;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Verdict latency for a pipeline that waits: a long poll is made for a revision with no entries yet, then the
 * revision's failing boot sequence is posted; measured from the post to the long poll's answer. The packaged jar on
 * its embedded defaults, one revision at a time, each of a new service. Not a test: run by
 * {@code bench/app.sh VerdictLatencyBench} (see docs/benchmarks.md).
 */
public final class VerdictLatencyBench {

    private VerdictLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int warmup = 50;
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path workDir = Files.createTempDirectory("rootline-verdict-latency");
        try (RootlineProcess app = RootlineProcess.start(workDir, Map.of())) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < warmup + measured; i++) {
                String service = "verdict-" + i;
                LayeredFailure logs = new LayeredFailure(service, Instant.now().minusSeconds(10));
                String path =
                        "/api/v1/services/%s/revisions/%s/verdict?wait=PT30S".formatted(service, logs.revision(1));
                CompletableFuture<Long> answered = CompletableFuture.supplyAsync(() -> {
                    try {
                        HttpResponse<String> verdict = app.get(path);
                        if (!verdict.body().contains("\"verdict\":\"fail\"")) {
                            throw new IllegalStateException("expected fail: " + verdict.body());
                        }
                        return System.nanoTime();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(100); // the long poll is waiting before the deciding entries arrive
                long posted = System.nanoTime();
                if (app.post("/api/v1/entries", "application/json", LayeredFailure.array(logs.entries(1)))
                                .statusCode()
                        != 200) {
                    throw new IllegalStateException("ingest failed");
                }
                long at = answered.get(30, TimeUnit.SECONDS);
                if (i >= warmup) {
                    latencies.add(at - posted);
                }
            }
            System.out.println("verdict latency (long poll answered after the deciding batch): " + latencies.summary());
        }
    }
}
