package dev.rootline.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.source.FakeLoggingApi;
import dev.rootline.source.LoggingEntries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Pull throughput: the packaged jar on its embedded defaults reading N entries from the in-process Logging API
 * fake (pages of 1,000, over a real gRPC port), from its first request to the last entry being searchable. Not a
 * test: run by {@code bench/app.sh LoggingPullBench}.
 */
public final class LoggingPullBench {

    private LoggingPullBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path workDir = Files.createTempDirectory("rootline-pull");
        try (FakeLoggingApi api = new FakeLoggingApi().start()) {
            api.configure(
                    workDir,
                    "rootline.sources.logging.bench.project=p",
                    "rootline.sources.logging.bench.poll-interval=100ms");
            try (RootlineProcess app = RootlineProcess.start(
                    workDir,
                    System.getenv().entrySet().stream()
                            .filter(e -> e.getKey().startsWith("ROOTLINE_"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))) {
                api.add(LoggingEntries.run("pull-bench", "bench", Instant.now().plusSeconds(60), n));
                long start = System.nanoTime();
                while (stored(app) < n) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("pulled %,d entries in %.2f s: %,.0f entries/s%n", n, seconds, n / seconds);
            }
        }
    }

    /** Entries the source stored, from its health check: searchable as soon as stored. */
    private static long stored(RootlineProcess app) throws Exception {
        String up = new ObjectMapper()
                .readTree(app.get("/q/health/group/sources").body())
                .at("/checks/0/data/bench")
                .asText();
        return up.startsWith("up, ") ? Long.parseLong(up.substring(4, up.indexOf(' ', 4))) : 0;
    }
}
