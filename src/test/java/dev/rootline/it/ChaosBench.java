package dev.rootline.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.Entries;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chaos under a streaming client: the packaged jar killed with -9 twenty times, its data directory (a tmpfs the
 * script mounts) filled up and freed, made read-only and writable again, and PostgreSQL stopped and started on
 * a PostgreSQL build. Rootline runs as {@code nobody}, so that file permissions bind it as they would a service
 * account. The client retries each batch until it is acknowledged, as Pub/Sub does; after each fault
 * every acknowledged entry must be found exactly once. Not a test: run by {@code bench/chaos.sh} (root, for the
 * mounts; see docs/benchmarks.md).
 */
public final class ChaosBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE = "chaos-stream";
    private static final String NOBODY = "65534";

    private final Path workDir;
    private final Path dataDir;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile RootlineProcess app;

    private ChaosBench(Path workDir, Path dataDir) {
        this.workDir = workDir;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ChaosBench bench = new ChaosBench(Files.createTempDirectory("rootline-chaos"), dataDir);
        run("chown", "-R", NOBODY, dataDir.toString(), bench.workDir.toString());
        bench.start();
        try {
            for (int i = 1; i <= kills; i++) {
                bench.killDuringStream(i);
            }
            bench.fault("disk full", bench::fillDisk, bench::freeDisk);
            bench.fault(
                    "read-only",
                    () -> run("chmod", "-R", "a-w", dataDir.toString()),
                    () -> run("chmod", "-R", "u+w", dataDir.toString()));
            if ("postgresql".equals(System.getProperty("rootline.db-kind"))) {
                bench.fault("PostgreSQL stopped", () -> postgres("stop"), () -> postgres("start"));
            }
        } finally {
            bench.app.close();
        }
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        app = RootlineProcess.start(
                workDir,
                Map.of("ROOTLINE_DATA_DIR", dataDir.toString()),
                List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        System.out.printf("  ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    private void killDuringStream(int round) throws Exception {
        try (Stream stream = new Stream()) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1500, 4000));
            app.kill();
        }
        start();
        System.out.printf("kill -9 #%d: %s%n", round, verify());
    }

    private interface Step {
        void run() throws Exception;
    }

    /** A fault held for five seconds under the stream, then lifted; the time to the next acknowledgement. */
    private void fault(String name, Step cause, Step lift) throws Exception {
        try (Stream stream = new Stream()) {
            Thread.sleep(1000);
            long refusedBefore = refused.get();
            cause.run();
            Thread.sleep(5000);
            int readiness = app.get("/q/health/ready").statusCode();
            long acknowledgedAtLift = acknowledged.size();
            long lifted = System.nanoTime();
            lift.run();
            while (acknowledged.size() == acknowledgedAtLift && System.nanoTime() - lifted < 120e9) {
                Thread.sleep(50);
            }
            System.out.printf(
                    "%s: refused %d batches, readiness %d while it lasted, first acknowledgement %.1f s after"
                            + " it was lifted%n",
                    name, refused.get() - refusedBefore, readiness, (System.nanoTime() - lifted) / 1e9);
        }
        System.out.printf("  %s%n", verify());
    }

    private void fillDisk() throws IOException {
        try (OutputStream out = Files.newOutputStream(dataDir.resolve("filler"))) {
            byte[] chunk = new byte[1 << 20];
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
    }

    private void freeDisk() throws IOException {
        Files.delete(dataDir.resolve("filler"));
    }

    private static void postgres(String action) throws Exception {
        String version = Files.list(Path.of("/etc/postgresql"))
                .findFirst()
                .orElseThrow()
                .getFileName()
                .toString();
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** Every acknowledged entry found exactly once, and nothing else of the stream found twice. */
    private String verify() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            String path =
                    "/api/v1/search?limit=1000&q=" + URLEncoder.encode("instance:" + INSTANCE, StandardCharsets.UTF_8)
                            + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> page = app.get(path);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("search answered " + page.statusCode());
            }
            JsonNode json = JSON.readTree(page.body());
            json.get("items").forEach(item -> counts.merge(item.get("insertId").asText(), 1, Integer::sum));
            cursor = json.path("nextCursor").isNull()
                    ? null
                    : json.path("nextCursor").asText(null);
        } while (cursor != null);
        long missing =
                acknowledged.stream().filter(id -> !counts.containsKey(id)).count();
        long twice = counts.values().stream().filter(n -> n > 1).count();
        if (missing > 0 || twice > 0) {
            throw new IllegalStateException("LOST " + missing + ", STORED TWICE " + twice);
        }
        return "%d acknowledged, all found exactly once (%d batches refused, %d unanswered so far)"
                .formatted(acknowledged.size(), refused.get(), unanswered.get());
    }

    /** A client posting 50-entry batches back to back, each retried until it is acknowledged. */
    private final class Stream implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "chaos-stream");

        Stream() {
            thread.start();
        }

        private void run() {
            List<String> ids = new ArrayList<>();
            byte[] batch = null;
            while (running.get()) {
                if (batch == null) {
                    ids.clear();
                    List<String> entries = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        long n = sequence.incrementAndGet();
                        ids.add("chaos-" + n);
                        entries.add(Entries.stderr(
                                "chaos-" + n,
                                "2025-09-16T00:%02d:%02d.%06dZ"
                                        .formatted(n / 60_000 % 60, n / 1000 % 60, n % 1_000_000),
                                INSTANCE,
                                "[INFO] streamed line " + n));
                    }
                    batch = ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
                }
                try {
                    HttpResponse<String> reply = app.post("/api/v1/entries", "application/json", batch);
                    if (reply.statusCode() == 200) {
                        acknowledged.addAll(ids);
                        batch = null;
                    } else {
                        refused.incrementAndGet();
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    unanswered.incrementAndGet();
                    sleep(Duration.ofMillis(100));
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
