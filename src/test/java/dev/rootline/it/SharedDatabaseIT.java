package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void aSecondProcessJoinsTheIncidentTheFirstOpened() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        String service = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess a = RootlineProcess.start(first);
                RootlineProcess b = RootlineProcess.start(second)) {
            assertThat(a.post("/api/v1/entries", "application/json", CrashLoop.entries(service, 0, 3))
                            .statusCode())
                    .isEqualTo(200);
            JsonNode opened = CrashLoop.incidents(a, service);
            assertThat(opened).hasSize(1);

            assertThat(b.post("/api/v1/entries", "application/json", CrashLoop.entries(service, 3, 3))
                            .statusCode())
                    .isEqualTo(200);
            JsonNode joined = CrashLoop.incidents(b, service);
            assertThat(joined).hasSize(1);
            assertThat(joined.get(0).get("id")).isEqualTo(opened.get(0).get("id"));
            assertThat(CrashLoop.step(joined.get(0), "gunicorn.worker-exit")).isEqualTo(6);
            assertThat(CrashLoop.incidents(a, service)).isEqualTo(joined);
        }
    }

    /**
     * Each batch holds the worker exit that the batch before, sent through the other process, has the cause of:
     * a process correlating from its own memory of the service, not the database, would leave the exits it did not
     * see the cause of unexplained, and count the incident's totals from what it last wrote.
     */
    @Test
    void processesTakingTurnsEachSeeTheOthersMatches() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        String service = "turns-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess a = RootlineProcess.start(first);
                RootlineProcess b = RootlineProcess.start(second)) {
            assertThat(a.post(
                                    "/api/v1/entries",
                                    "application/json",
                                    CrashLoop.array(List.of(CrashLoop.importError(service, 0))))
                            .statusCode())
                    .isEqualTo(200);
            for (int loop = 1; loop <= 4; loop++) {
                RootlineProcess next = loop % 2 == 1 ? b : a;
                byte[] batch = CrashLoop.array(
                        List.of(CrashLoop.workerExit(service, loop - 1), CrashLoop.importError(service, loop)));
                assertThat(next.post("/api/v1/entries", "application/json", batch)
                                .statusCode())
                        .isEqualTo(200);
            }
            JsonNode incidents = CrashLoop.incidents(a, service);
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0).get("rootCause").get("signatureId").asText())
                    .isEqualTo("python.module-not-found");
            assertThat(CrashLoop.step(incidents.get(0), "gunicorn.worker-exit")).isEqualTo(4);
            // totals each process works out from what it keeps of the service, only while no other wrote since
            assertThat(incidents.get(0).get("explainedCount").asInt()).isEqualTo(4);
            assertThat(incidents.get(0).get("firstSeen").asText()).isEqualTo("2026-04-01T10:00:00Z");
            assertThat(incidents.get(0).get("lastSeen").asText()).isEqualTo("2026-04-01T10:04:00Z");
        }
    }

    @Test
    void bothProcessesSeeingANewServiceAtOnceOpenOneIncident() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        String service = "race-" + UUID.randomUUID().toString().substring(0, 8);
        try (RootlineProcess a = RootlineProcess.start(first);
                RootlineProcess b = RootlineProcess.start(second)) {
            CompletableFuture<HttpResponse<String>> viaA =
                    CompletableFuture.supplyAsync(() -> post(a, CrashLoop.entries(service, 0, 5)));
            CompletableFuture<HttpResponse<String>> viaB =
                    CompletableFuture.supplyAsync(() -> post(b, CrashLoop.entries(service, 5, 5)));
            assertThat(viaA.get().statusCode()).isEqualTo(200);
            assertThat(viaB.get().statusCode()).isEqualTo(200);
            JsonNode incidents = CrashLoop.incidents(a, service);
            assertThat(incidents).hasSize(1);
            assertThat(CrashLoop.step(incidents.get(0), "gunicorn.worker-exit")).isEqualTo(10);
        }
    }

    private static HttpResponse<String> post(RootlineProcess app, byte[] body) {
        try {
            return app.post("/api/v1/entries", "application/json", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
