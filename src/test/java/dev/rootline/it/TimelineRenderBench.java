package dev.rootline.it;

import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long the service timeline page takes with 5,000 incidents over 500 revisions: the packaged jar on its
 * embedded defaults, seeded through the ingest API (each revision gets past DATABASE, so it resolves the ten
 * incidents of the revision before and uncovers ten of its own). Each time is the whole request on loopback, an
 * upper bound on the server's time. Not a test: run by {@code bench/app.sh TimelineRenderBench}.
 */
public final class TimelineRenderBench {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private TimelineRenderBench() {}

    public static void main(String[] args) throws Exception {
        int revisions = 500;
        int perRevision = 10;
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path workDir = Files.createTempDirectory("rootline-timeline");
        try (RootlineProcess app = RootlineProcess.start(workDir, Map.of())) {
            String service = "timeline-bench";
            for (int r = 0; r < revisions; r++) {
                String revision = "%s-%05d-abc".formatted(service, r + 1);
                Instant at = T0.plusSeconds(600L * r);
                List<String> lines = new ArrayList<>(List.of("🔄 PHASE TRANSITION → DATABASE"));
                for (int i = 0; i < perRevision; i++) {
                    lines.add("NameError: name 'v%d_%d' is not defined".formatted(r, i));
                }
                lines.add("🔄 PHASE TRANSITION → WEBSOCKET");
                List<String> entries = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    entries.add(Entries.stderr(
                            service,
                            revision,
                            revision + "-" + i,
                            at.plusMillis(i).toString(),
                            "i-" + r,
                            lines.get(i)));
                }
                byte[] batch = ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
                if (app.post("/api/v1/entries", "application/json", batch).statusCode() != 200) {
                    throw new IllegalStateException("ingest failed at revision " + r);
                }
            }
            HttpResponse<String> page = app.get("/services/" + service);
            int bars = page.body().split("class=\"bar status-").length - 1;
            System.out.printf(
                    "timeline page: %d incident bars, %d KiB%n",
                    bars, page.body().length() / 1024);
            Latencies latencies = new Latencies();
            for (int i = 0; i < 50 + requests; i++) {
                long start = System.nanoTime();
                if (app.get("/services/" + service).statusCode() != 200) {
                    throw new IllegalStateException("timeline page failed");
                }
                if (i >= 50) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            System.out.println("timeline page (requests): " + latencies.summary());
        }
    }
}
