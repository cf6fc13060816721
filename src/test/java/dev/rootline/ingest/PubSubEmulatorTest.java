package dev.rootline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A topic with a push subscription to Rootline, on the real Pub/Sub emulator. */
@QuarkusTest
class PubSubEmulatorTest {

    private static PubSubEmulator emulator;

    @TestHTTPResource("/api/v1/pubsub/push")
    URL push;

    @BeforeAll
    static void start() throws Exception {
        emulator = PubSubEmulator.start();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void pushedMessagesAreStoredOnceAndAPoisonMessageIsQuarantinedAndAcknowledged() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        emulator.createTopic("logs-" + run);
        emulator.createPushSubscription("rootline-" + run, "logs-" + run, push.toString());
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(Entries.stderr(
                    "emu-" + run + "-" + i,
                    "2026-03-02T09:00:%02d.%03dZ".formatted(i / 10, i),
                    "i-emu-" + run,
                    "pushed line " + i));
        }
        messages.add("this is not a LogEntry " + run);
        emulator.publish("logs-" + run, messages);

        Instant deadline = Instant.now().plusSeconds(30);
        while (Api.searchTotal("instance:i-emu-" + run) < 100 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(Api.searchTotal("instance:i-emu-" + run)).isEqualTo(100);
        Thread.sleep(12_000); // past the ack deadline: anything not acknowledged would come back by now
        assertThat(Api.searchTotal("instance:i-emu-" + run)).as("stored once").isEqualTo(100);
        assertThat(given().get("/api/v1/quarantine?limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.payload", String.class))
                .as("the poison message, quarantined once")
                .filteredOn(p -> p != null
                        && p.contains(java.util.Base64.getEncoder()
                                .encodeToString(("this is not a LogEntry " + run)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .hasSize(1);
    }
}
