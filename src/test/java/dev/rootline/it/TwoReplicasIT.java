package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.notify.SlackFake;
import dev.rootline.search.OpenSearchNode;
import dev.rootline.source.FakeLoggingApi;
import dev.rootline.source.LoggingEntries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Rootline processes as two replicas: one PostgreSQL, one OpenSearch log store (a real node), ingest interleaved
 * between them (batches and Pub/Sub push). Whichever one is asked answers the same, each entry is stored and counted
 * once, each alert sent once, a replica killed mid-stream loses nothing it acknowledged, and a pull source's lease
 * passes to the survivor. Only a PostgreSQL build can share its database.
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
    void interleavedIngestGivesTheSameAnswersFromEitherAndStoresCountsAndAlertsEachOnce() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        Predicate<SlackFake.Request> about = r -> r.text().contains(service);
        try (SlackFake slack = SlackFake.start()) {
            Map<String, String> settings = new HashMap<>(sharedStore(OpenSearchNode.freshPrefix()));
            settings.put("ROOTLINE_SLACK_WEBHOOK_URL", slack.url("alerts"));
            settings.put("ROOTLINE_SLACK_MAX_AGE", "3650d");
            try (RootlineProcess a = RootlineProcess.start(first, settings);
                    RootlineProcess b = RootlineProcess.start(second, settings)) {
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
                for (int loop = 10; loop < 14; loop++) { // Pub/Sub push, each message redelivered to the other
                    for (String entry :
                            List.of(CrashLoop.importError(service, loop), CrashLoop.workerExit(service, loop))) {
                        assertThat(push(a, entry).statusCode()).isEqualTo(200);
                        assertThat(push(b, entry).statusCode()).isEqualTo(200);
                    }
                }
                JsonNode page = json(a, "/api/v1/search?service=" + service + "&limit=100");
                assertThat(page.get("total").asInt())
                        .as("every entry stored once")
                        .isEqualTo(28);
                assertThat(json(b, "/api/v1/search?service=" + service + "&limit=100"))
                        .isEqualTo(page);
                String key = page.get("items").get(5).get("key").asText();
                String context = "/api/v1/entries/" + key + "/context?before=3&after=3";
                assertThat(json(b, context)).isEqualTo(json(a, context));

                JsonNode incidents = CrashLoop.incidents(a, service);
                assertThat(incidents).hasSize(1);
                assertThat(CrashLoop.step(incidents.get(0), "gunicorn.worker-exit"))
                        .as("each exit counted once, replays included")
                        .isEqualTo(14);
                assertThat(CrashLoop.incidents(b, service)).isEqualTo(incidents);
                String templates = "/api/v1/templates?service=" + service;
                assertThat(json(b, templates)).isEqualTo(json(a, templates));

                slack.await(about, 1, Duration.ofSeconds(30));
                Thread.sleep(3000); // both replicas' dispatchers have had time to send it again
                assertThat(slack.requests(about))
                        .extracting(SlackFake.Request::header)
                        .as("one alert, sent by one replica")
                        .singleElement()
                        .satisfies(header -> assertThat(header).startsWith("🔴 Opened"));
                assertThat(json(b, "/api/v1/alerts?limit=200"))
                        .as("the alert record, from either")
                        .isEqualTo(json(a, "/api/v1/alerts?limit=200"));
            }
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
            // another replica's writes show within the cluster's refresh interval (docs/architecture.md, "Visibility")
            Await.until(() -> insertIdsNow(b).containsAll(expected), Duration.ofSeconds(10));
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

    private Set<String> insertIdsNow(RootlineProcess app) {
        try {
            return insertIds(app);
        } catch (Exception notYet) {
            return Set.of();
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

    /** The first replica polls; the second stands by until the first dies and its lease runs out, then goes on. */
    @Test
    void aPullSourceIsPolledByOneReplicaAtATimeAndTakenOverWhenItsHolderDies() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rootline.db-kind")), "needs a shared PostgreSQL");
        try (FakeLoggingApi api = new FakeLoggingApi().start()) {
            String source = "s" + service.substring(service.indexOf('-') + 1);
            for (Path dir : List.of(first, second)) {
                api.configure(
                        dir,
                        "rootline.sources.lease-duration=3s",
                        "rootline.sources.logging." + source + ".project=p",
                        "rootline.sources.logging." + source + ".poll-interval=200ms",
                        "rootline.sources.logging." + source + ".overlap=5s");
            }
            Map<String, String> store = sharedStore(OpenSearchNode.freshPrefix());
            try (RootlineProcess a = RootlineProcess.start(first, store)) {
                int added = api.addOncePolled(from -> LoggingEntries.run(service, "pulled", from, 5_000))
                        .firstCall();
                Await.until(() -> api.calls().size() >= added + 4, Duration.ofSeconds(60));
                try (RootlineProcess b = RootlineProcess.start(second, store)) {
                    int callsBeforeKill = api.calls().size();
                    a.kill();
                    // b took the lease over
                    Await.until(() -> api.calls().size() > callsBeforeKill + 4, Duration.ofSeconds(60));
                    Instant deadline = Instant.now().plusSeconds(90);
                    while (total(b) < 5_000 && Instant.now().isBefore(deadline)) {
                        Thread.sleep(250);
                    }
                    assertThat(total(b)).as("no gap").isEqualTo(5_000);
                    Thread.sleep(1000);
                    assertThat(total(b)).as("no duplicate").isEqualTo(5_000);
                }
            }
        }
    }

    private long total(RootlineProcess app) throws Exception {
        return json(app, "/api/v1/search?limit=1&service=" + service)
                .get("total")
                .asLong();
    }

    private static HttpResponse<String> push(RootlineProcess app, String entry) throws Exception {
        String data = Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8));
        String envelope = "{\"subscription\":\"projects/p/subscriptions/rootline\",\"message\":{\"data\":\"" + data
                + "\",\"messageId\":\"" + entry.hashCode() + "\",\"attributes\":{}}}";
        return app.post("/api/v1/pubsub/push", "application/json", envelope.getBytes(StandardCharsets.UTF_8));
    }
}
