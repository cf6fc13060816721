package dev.rootline.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import dev.rootline.ingest.FailingAfterStorePushService;
import dev.rootline.ingest.PubSubEmulator;
import dev.rootline.ingest.PushService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rootline's streaming-pull subscriber on a subscription of the real Pub/Sub emulator. */
@QuarkusTest
@WithTestResource(PubSubPullResource.class)
class PubSubPullTest {

    PubSubEmulator emulator;

    @Inject
    PushService push;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void emulatorIsHere() {
        PubSubEmulator.assumeInstalled();
    }

    @Test
    void everyMessageIsStoredAndAcknowledgedAndOneRedeliveredAfterAFailureCountsOnce() throws Exception {
        QuarkusMock.installMockForType(
                new FailingAfterStorePushService(ClientProxy.unwrap(push), "pulled line 42"), PushService.class);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(Entries.stderr(
                    "sub-" + i, "2026-03-02T10:00:%02d.%03dZ".formatted(i / 10, i), "i-pulled", "pulled line " + i));
        }
        messages.add("this is not a LogEntry, pulled");
        emulator.publish(PubSubPullResource.TOPIC, messages);

        await(() -> replies("ack"), 101); // 100 entries (line 42 on its second delivery) and the poison message
        assertThat(Api.searchTotal("instance:i-pulled")).isEqualTo(100);
        assertThat(Api.searchTotal("\"pulled line 42\""))
                .as("stored once though delivered twice")
                .isEqualTo(1);
        assertThat(replies("nack")).as("the simulated failure").isEqualTo(1);

        Thread.sleep(12_000); // past the 10 s ack deadline: a message not acknowledged would be back by now
        assertThat(replies("ack")).isEqualTo(101);
        assertThat(replies("nack")).isEqualTo(1);
        String poison =
                Base64.getEncoder().encodeToString("this is not a LogEntry, pulled".getBytes(StandardCharsets.UTF_8));
        assertThat(given().get("/api/v1/quarantine?limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.payload", String.class))
                .as("the poison message, quarantined once")
                .filteredOn(p -> p != null && (p.contains(poison) || p.contains("this is not a LogEntry, pulled")))
                .hasSize(1);
        given().get("/q/health/group/sources").then().statusCode(200);
    }

    private double replies(String reply) {
        return metrics.counter("rootline.source.messages", "source", "emulator", "reply", reply)
                .count();
    }

    private void await(DoubleSupplier count, double expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count.getAsDouble() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(count.getAsDouble())
                .as("acks, with %s nacks", replies("nack"))
                .isEqualTo(expected);
    }
}
