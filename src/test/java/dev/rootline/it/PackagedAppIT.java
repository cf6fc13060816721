package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a user runs it: no configuration, then killed with -9 and restarted. */
class PackagedAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private static byte[] batch(String run, int batch, int size) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(Entries.stderr(
                    run + "-" + batch + "-" + i,
                    "2025-09-16T00:%02d:%02d.%06dZ".formatted(batch % 60, i % 60, i),
                    "crash-" + run,
                    "[INFO] durable line " + batch + "/" + i));
        }
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static long total(RootlineProcess app, String query) throws Exception {
        HttpResponse<String> r =
                app.get("/api/v1/search?limit=1&q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("total").asLong();
    }

    @Test
    void aSettingOutOfItsRangeStopsStartupNamingTheKey() throws Exception {
        Map<String, String> settings = Map.of(
                "ROOTLINE_TEMPLATES_SIMILARITY", "1.5",
                "ROOTLINE_SLACK_RATE_LIMIT", "0",
                "ROOTLINE_CORRELATION_WINDOW", "0s");

        assertThatThrownBy(() -> RootlineProcess.start(workDir, settings)).hasMessageContaining("exited");
        assertThat(Files.readString(workDir.resolve("rootline.log")))
                .contains("rootline.templates.similarity")
                .contains("rootline.slack.rate-limit")
                .contains("rootline.correlation.window");
    }

    @Test
    void readinessWaitsUntilTheSearchRouteHasAnsweredTheAppItselfThroughTheToken() throws Exception {
        try (RootlineProcess app = RootlineProcess.start(workDir, Map.of("ROOTLINE_API_TOKEN", "warm-up-secret"))) {
            assertThat(app.get("/q/metrics").body())
                    .containsPattern(
                            "http_server_requests_seconds_count\\{[^}]*status=\"200\",uri=\"/api/v1/search\"} 1\\.0");
        }
    }

    @Test
    void startsWithNoConfigurationKeepsDataUnderDotDataAndFindsWhatItIngested() throws Exception {
        try (RootlineProcess app = RootlineProcess.start(workDir)) {
            HttpResponse<String> reply = app.post("/api/v1/entries", "application/json", batch("fresh", 1, 3));
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reply.body()).get("accepted").asInt()).isEqualTo(3);
            assertThat(total(app, "\"durable line\" AND instance:crash-fresh")).isEqualTo(3);
        }
        assertThat(workDir.resolve("data/index")).isDirectory();
        if (!"postgresql".equals(System.getProperty("rootline.db-kind"))) {
            assertThat(workDir.resolve("data/db")).isDirectory();
        }
    }

    @Test
    void everyAcknowledgedEntrySurvivesKillDashNineAndReplaysAsDuplicates() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> batches = new ArrayList<>();
        int acknowledged = 0;
        try (RootlineProcess app = RootlineProcess.start(workDir)) {
            for (int b = 0; b < 20; b++) {
                batches.add(batch(run, b, 250));
                HttpResponse<String> reply = app.post("/api/v1/entries", "application/json", batches.get(b));
                assertThat(reply.statusCode()).isEqualTo(200);
                acknowledged += JSON.readTree(reply.body()).get("accepted").asInt();
            }
            app.kill();
        }
        assertThat(acknowledged).isEqualTo(5000);

        try (RootlineProcess restarted = RootlineProcess.start(workDir)) {
            assertThat(total(restarted, "instance:crash-" + run)).isEqualTo(acknowledged);
            int duplicates = 0;
            for (byte[] b : batches) {
                JsonNode replay = JSON.readTree(
                        restarted.post("/api/v1/entries", "application/json", b).body());
                assertThat(replay.get("accepted").asInt()).isZero();
                duplicates += replay.get("duplicates").asInt();
            }
            assertThat(duplicates).isEqualTo(acknowledged);
            assertThat(total(restarted, "instance:crash-" + run)).isEqualTo(acknowledged);
        }
        assertThat(Files.readString(workDir.resolve("rootline.log"))).doesNotContain("Exception");
    }

    @Test
    void correlationCarriesOnAfterARestart() throws Exception {
        String service = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess app = RootlineProcess.start(workDir)) {
            assertThat(app.post("/api/v1/entries", "application/json", CrashLoop.entries(service, 0, 3))
                            .statusCode())
                    .as("acknowledged, so correlated and committed")
                    .isEqualTo(200);
            app.kill();
        }
        try (RootlineProcess restarted = RootlineProcess.start(workDir)) {
            assertThat(restarted
                            .post("/api/v1/entries", "application/json", CrashLoop.entries(service, 3, 3))
                            .statusCode())
                    .isEqualTo(200);
            JsonNode incidents = CrashLoop.incidents(restarted, service);
            assertThat(incidents).hasSize(1);
            assertThat(CrashLoop.step(incidents.get(0), "gunicorn.worker-exit")).isEqualTo(6);
        }
    }

    @Test
    void aTemplateSurvivesARestartWithItsIdAndCountsOn() throws Exception {
        String service = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
        String id;
        try (RootlineProcess app = RootlineProcess.start(workDir)) {
            // the second word varies: only the restored template, generalised, takes a third
            app.post("/api/v1/entries", "application/json", errors(service, 0, "alpha", "beta"));
            JsonNode templates = templates(app, service);
            assertThat(templates).hasSize(1);
            id = templates.get(0).get("id").asText();
            app.kill();
        }
        try (RootlineProcess restarted = RootlineProcess.start(workDir)) {
            restarted.post("/api/v1/entries", "application/json", errors(service, 2, "gamma"));
            JsonNode templates = templates(restarted, service);
            assertThat(templates).hasSize(1);
            assertThat(templates.get(0).get("id").asText()).isEqualTo(id);
            assertThat(templates.get(0).get("count").asLong()).isEqualTo(3);
        }
    }

    private static byte[] errors(String service, int from, String... shards) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < shards.length; i++) {
            entries.add(Entries.stderr(
                    service,
                    service + "-00001-abc",
                    service + "-" + (from + i),
                    "2026-03-02T10:00:0" + (from + i) + "Z",
                    "i-1",
                    "ledger shard " + shards[i] + " failed: out of balance by " + (17 * (from + i + 1)) + " cents"));
        }
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode templates(RootlineProcess app, String service) throws Exception {
        return JSON.readTree(app.get("/api/v1/templates?service=" + service).body())
                .get("items");
    }
}
