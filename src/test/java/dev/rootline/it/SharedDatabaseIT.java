package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Rootline processes on one PostgreSQL, each with its own log store, as two replicas run: ingest of the same
 * revision through either joins one incident. Only a PostgreSQL build can share its database.
 */
class SharedDatabaseIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void aSecondProcessJoinsTheIncidentTheFirstOpened() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        String service = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess a = RootlineProcess.start(first); RootlineProcess b = RootlineProcess.start(second)) {
            assertThat(a.post("/api/v1/entries", "application/json", crashLoop(service, 0, 3)).statusCode()).isEqualTo(200);
            JsonNode opened = incidents(a, service);
            assertThat(opened).hasSize(1);

            assertThat(b.post("/api/v1/entries", "application/json", crashLoop(service, 3, 3)).statusCode()).isEqualTo(200);
            JsonNode joined = incidents(b, service);
            assertThat(joined).hasSize(1);
            assertThat(joined.get(0).get("id")).isEqualTo(opened.get(0).get("id"));
            assertThat(step(joined.get(0), "gunicorn.worker-exit")).isEqualTo(6);
            assertThat(incidents(a, service)).isEqualTo(joined);
        }
    }

    @Test
    void bothProcessesSeeingANewServiceAtOnceOpenOneIncident() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        String service = "race-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess a = RootlineProcess.start(first); RootlineProcess b = RootlineProcess.start(second)) {
            CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(() -> post(a, crashLoop(service, 0, 5)));
            CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(() -> post(b, crashLoop(service, 5, 5)));
            assertThat(viaA.get().statusCode()).isEqualTo(200);
            assertThat(viaB.get().statusCode()).isEqualTo(200);
            JsonNode incidents = incidents(a, service);
            assertThat(incidents).hasSize(1);
            assertThat(step(incidents.get(0), "gunicorn.worker-exit")).isEqualTo(10);
        }
    }

    /** Crash loops of one revision: an import error, then the worker exiting 3, each loop on its own instance. */
    private static byte[] crashLoop(String service, int fromLoop, int loops) {
        List<String> entries = new ArrayList<>();
        for (int loop = fromLoop; loop < fromLoop + loops; loop++) {
            String instance = "instance-" + loop;
            String at = "2026-04-01T10:%02d:00Z".formatted(loop);
            String exitAt = "2026-04-01T10:%02d:01Z".formatted(loop);
            entries.add(Entries.stderr(service, service + "-00001-abc", service + "-import-" + loop, at, instance,
                    "ModuleNotFoundError: No module named 'app.monitoring'"));
            entries.add(Entries.stderr(service, service + "-00001-abc", service + "-exit-" + loop, exitAt, instance,
                    "[2026-04-01 10:00:01 +0000] [1] [ERROR] Worker (pid:7) exited with code 3"));
        }
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(RootlineProcess app, byte[] body) {
        try {
            return app.post("/api/v1/entries", "application/json", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode incidents(RootlineProcess app, String service) throws Exception {
        HttpResponse<String> reply = app.get("/api/v1/incidents?service=" + service);
        assertThat(reply.statusCode()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("items");
    }

    private static int step(JsonNode incident, String signatureId) {
        for (JsonNode step : incident.get("chain")) {
            if (step.get("signatureId").asText().equals(signatureId)) {
                return step.get("count").asInt();
            }
        }
        return 0;
    }
}
