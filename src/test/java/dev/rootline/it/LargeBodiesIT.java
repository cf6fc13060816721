package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four concurrent 24.5 MB bodies, under the 32 MiB limit, against the packaged jar on a 256 MiB heap: each is
 * stored or refused with 503 and Retry-After, and afterwards ingest and search work and the app is ready. Before
 * admission by bytes in flight, they ran the indexer out of memory and everything after hung.
 */
class LargeBodiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private static byte[] body(int n) {
        String filler = "x".repeat(10_000);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 2_450; i++) {
            entries.add(Entries.stderr(
                    "large-" + n + "-" + i,
                    "2025-09-16T00:41:%02d.%06dZ".formatted(i % 60, i),
                    "large-" + n,
                    "[INFO] line " + i + " " + filler));
        }
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void concurrentLargeBodiesAreStoredOrRefusedAndNothingWedges() throws Exception {
        try (RootlineProcess app = RootlineProcess.start(workDir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                byte[] body = body(n);
                assertThat(body.length).isBetween(24_000_000, 32 * 1024 * 1024);
                replies.add(pool.submit(() -> app.post("/api/v1/entries", "application/json", body)));
            }
            int stored = 0;
            for (Future<HttpResponse<String>> reply : replies) {
                HttpResponse<String> r = reply.get(120, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
                if (r.statusCode() == 503) {
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                } else {
                    stored += JSON.readTree(r.body()).get("accepted").asInt();
                }
            }
            pool.shutdown();
            assertThat(stored).as("at least one body goes through").isPositive();
            HttpResponse<String> small = app.post(
                    "/api/v1/entries",
                    "application/json",
                    ("[" + Entries.stderr("after", "2025-09-16T00:42:00Z", "after", "[INFO] after the large bodies")
                                    + "]")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(small.statusCode()).isEqualTo(200);
            HttpResponse<String> search = app.get("/api/v1/search?limit=1&q=instance:after");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(search.body()).get("total").asInt()).isEqualTo(1);
            assertThat(app.get("/q/health/ready").statusCode()).isEqualTo(200);
        }
    }
}
