package dev.rootline.it;

import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingest while services fail: each client posts batches to a service of its own, one after another, event time
 * moving {@code step} seconds a batch, for {@code seconds} of wall time. Two shapes:
 * <ul>
 *   <li>{@code storm}: {@code instances} instances crash-looping in one revision, each batch an import error and a
 *       worker exit per instance, so with a short step every batch lands in the chain span of the ones before;</li>
 *   <li>{@code dense}: {@code lines} lines a batch, every other one a failure (the same two lines, on 20
 *       instances), the rest ordinary request logs.</li>
 * </ul>
 * Each client first warms the app up for 20 seconds on a service of its own. Prints the median latency of the first and
 * the last ten batches of each client, the latency percentiles, and entries per second. Starts its own copy of the packaged jar unless {@code -Drootline.url} names a running one.
 * Not a test: {@code bench/storm.sh} runs it (see docs/benchmarks.md).
 */
public final class StormBench {

    private StormBench() {}

    /** args: shape (storm|dense), clients, instances or lines, step seconds, wall seconds. */
    public static void main(String[] args) throws Exception {
        String shape = args[0];
        int clients = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int step = Integer.parseInt(args[3]);
        Duration wall = Duration.ofSeconds(Long.parseLong(args[4]));
        Path workDir = Files.createTempDirectory("rootline-storm");
        String url = System.getProperty("rootline.url");
        try (RootlineProcess app = url == null ? RootlineProcess.start(workDir, Map.of()) : null) {
            Client target = url != null ? new Remote(url) : app::post;
            Instant start = Instant.now().minus(Duration.ofDays(20));
            String run = Long.toString(System.currentTimeMillis(), 36);
            // the JIT warms up on services of their own, so that the first measured batches are not the slowest
            for (int c = 0; c < clients; c++) {
                client(target, shape, "warm-" + run + "-" + c, size, step, start, Duration.ofSeconds(20));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<List<Long>>> runs = new ArrayList<>();
            long began = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                String service = "storm-" + run + "-" + c;
                runs.add(pool.submit(() -> client(target, shape, service, size, step, start, wall)));
            }
            Latencies all = new Latencies();
            long batches = 0;
            for (Future<List<Long>> f : runs) {
                List<Long> nanos = f.get();
                nanos.forEach(all::add);
                batches += nanos.size();
                System.out.printf(
                        "client: %d batches, first 10 median %.1f ms, last 10 median %.1f ms%n",
                        nanos.size(),
                        median(nanos.subList(0, 10)) / 1e6,
                        median(nanos.subList(nanos.size() - 10, nanos.size())) / 1e6);
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - began) / 1e9;
            int perBatch = "storm".equals(shape) ? 2 * size : size;
            System.out.printf(
                    "%s: %d batches of %d entries, %.0f entries/s, latency %s%n",
                    shape, batches, perBatch, batches * perBatch / seconds, all.summary());
        }
    }

    private static List<Long> client(
            Client target, String shape, String service, int size, int step, Instant start, Duration wall)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        long until = System.nanoTime() + wall.toNanos();
        for (int batch = 0; System.nanoTime() < until || batch < 20; batch++) {
            Instant at = start.plusSeconds((long) batch * step);
            byte[] body = "storm".equals(shape) ? storm(service, batch, size, at) : dense(service, batch, size, at);
            long sent = System.nanoTime();
            HttpResponse<String> reply = target.post("/api/v1/entries", "application/json", body);
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(reply.statusCode() + ": " + reply.body());
            }
            nanos.add(System.nanoTime() - sent);
        }
        return nanos;
    }

    private static byte[] storm(String service, int batch, int instances, Instant at) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            entries.add(importError(service, batch, i, at));
            entries.add(workerExit(service, batch, i, at.plusMillis(400)));
        }
        return CrashLoop.array(entries);
    }

    private static byte[] dense(String service, int batch, int lines, Instant at) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < lines / 2; i++) {
            Instant t = at.plusMillis(i * 10L);
            int instance = i % 20;
            entries.add(i % 2 == 0 ? importError(service, batch, i, t) : workerExit(service, batch, i, t));
            entries.add(line(
                    service,
                    "req-%d-%d".formatted(batch, i),
                    t.plusMillis(5),
                    instance,
                    "GET /api/orders/%d 200 in %d ms".formatted(batch * 1000 + i, i % 90)));
        }
        return CrashLoop.array(entries);
    }

    private static String importError(String service, int batch, int i, Instant at) {
        return line(
                service,
                "import-%d-%d".formatted(batch, i),
                at,
                i,
                "ModuleNotFoundError: No module named 'app.monitoring'");
    }

    private static String workerExit(String service, int batch, int i, Instant at) {
        return line(
                service,
                "exit-%d-%d".formatted(batch, i),
                at,
                i,
                "[2026-04-01 10:00:01 +0000] [1] [ERROR] Worker (pid:7) exited with code 3");
    }

    private static String line(String service, String insertId, Instant at, int i, String text) {
        return Entries.stderr(service, service + "-00001-abc", insertId, at.toString(), "instance-" + i % 100, text);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private interface Client {
        HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception;
    }

    private record Remote(String url) implements Client {
        private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

        @Override
        public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
            return HTTP.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + path))
                            .header("Content-Type", contentType)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
