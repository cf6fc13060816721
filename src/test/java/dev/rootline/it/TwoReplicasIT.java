package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.search.OpenSearchNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Rootline processes as two replicas: one PostgreSQL, one OpenSearch log store (a real node), ingest interleaved
 * between them. Whichever one is asked answers the same, each entry is stored and counted once, and a replica killed
 * mid-stream loses nothing it acknowledged. Only a PostgreSQL build can share its database.
 */
class TwoReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path first;

    @TempDir
    Path second;

    private final String service = "replica-" + UUID.randomUUID().toString().substring(0, 8);

    private static Map<String, String> sharedStore(String prefix) {
        return Map.of(
                "ROOTLINE_STORE_KIND",
                "opensearch",
                "ROOTLINE_STORE_OPENSEARCH_HOSTS",
                OpenSearchNode.url().toString(),
                "ROOTLINE_STORE_OPENSEARCH_INDEX_PREFIX",
                prefix,
                "ROOTLINE_STORE_OPENSEARCH_REPLICAS",
                "0");
    }

    @Test
    void interleavedIngestGivesTheSameAnswersFromEitherAndStoresEachEntryOnce() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        Map<String, String> store = sharedStore(OpenSearchNode.freshPrefix());
        try (RootlineProcess a = RootlineProcess.start(first, store);
                RootlineProcess b = RootlineProcess.start(second, store)) {
            for (int loop = 0; loop < 10; loop++) {
                byte[] batch = CrashLoop.entries(service, loop, 1);
                assertThat((loop % 2 == 0 ? a : b)
                                .post("/api/v1/entries", "application/json", batch)
                                .statusCode())
                        .isEqualTo(200);
                if (loop % 3 == 0) { // a client retrying through the load balancer reaches the other replica
                    assertThat((loop % 2 == 0 ? b : a)
                                    .post("/api/v1/entries", "application/json", batch)
                                    .statusCode())
                            .isEqualTo(200);
                }
            }
            JsonNode page = json(a, "/api/v1/search?service=" + service + "&limit=100");
            assertThat(page.get("total").asInt()).as("every entry stored once").isEqualTo(20);
            assertThat(json(b, "/api/v1/search?service=" + service + "&limit=100"))
                    .isEqualTo(page);
            String key = page.get("items").get(5).get("key").asText();
            String context = "/api/v1/entries/" + key + "/context?before=3&after=3";
            assertThat(json(b, context)).isEqualTo(json(a, context));

            JsonNode incidents = CrashLoop.incidents(a, service);
            assertThat(incidents).hasSize(1);
            assertThat(CrashLoop.step(incidents.get(0), "gunicorn.worker-exit"))
                    .as("each exit counted once, replays included")
                    .isEqualTo(10);
            assertThat(CrashLoop.incidents(b, service)).isEqualTo(incidents);
            String templates = "/api/v1/templates?service=" + service;
            assertThat(json(b, templates)).isEqualTo(json(a, templates));
        }
    }

    @Test
    void aReplicaKilledMidStreamLosesNothingItAcknowledgedAndTheOtherCarriesOn() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        Map<String, String> store = sharedStore(OpenSearchNode.freshPrefix());
        try (RootlineProcess a = RootlineProcess.start(first, store);
                RootlineProcess b = RootlineProcess.start(second, store)) {
            List<Integer> acknowledged = new ArrayList<>();
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int loop = 0; loop < 50; loop++) {
                    try {
                        HttpResponse<String> reply =
                                a.post("/api/v1/entries", "application/json", CrashLoop.entries(service, loop, 1));
                        if (reply.statusCode() == 200) {
                            synchronized (acknowledged) {
                                acknowledged.add(loop);
                            }
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            while (true) {
                synchronized (acknowledged) {
                    if (acknowledged.size() >= 10) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            a.kill();
            stream.join();
            Set<String> expected = new HashSet<>();
            synchronized (acknowledged) {
                for (int loop : acknowledged) {
                    expected.add(service + "-import-" + loop);
                    expected.add(service + "-exit-" + loop);
                }
            }
            assertThat(insertIds(b)).as("what the killed replica acknowledged").containsAll(expected);

            // the client sends again everything it has no acknowledgement for; the other replica takes it all
            assertThat(b.post("/api/v1/entries", "application/json", CrashLoop.entries(service, 0, 50))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(json(b, "/api/v1/search?service=" + service + "&limit=1")
                            .get("total")
                            .asInt())
                    .isEqualTo(100);
            assertThat(CrashLoop.step(CrashLoop.incidents(b, service).get(0), "gunicorn.worker-exit"))
                    .isEqualTo(50);
        }
    }

    private Set<String> insertIds(RootlineProcess app) throws Exception {
        Set<String> ids = new HashSet<>();
        json(app, "/api/v1/search?service=" + service + "&limit=1000")
                .get("items")
                .forEach(item -> ids.add(item.get("insertId").asText()));
        return ids;
    }

    private static JsonNode json(RootlineProcess app, String path) throws Exception {
        HttpResponse<String> reply = app.get(path);
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }
}
