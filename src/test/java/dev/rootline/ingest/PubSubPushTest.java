package dev.rootline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PubSubPushTest {

    private static String envelope(String entry, String messageId) {
        String data = Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8));
        return "{\"subscription\":\"projects/p/subscriptions/rootline\",\"message\":{\"data\":\"" + data
                + "\",\"messageId\":\"" + messageId + "\",\"attributes\":{}}}";
    }

    @Test
    void aWrappedDeliveryIsStoredOnceHoweverOftenItIsRedelivered() {
        String entry =
                Entries.stderr("push-wrapped-1", "2025-09-16T00:42:54.053646Z", "ps-1", "Container called exit(3).");
        for (int delivery = 0; delivery < 3; delivery++) {
            given().contentType("application/json")
                    .body(envelope(entry, "m-1"))
                    .post("/api/v1/pubsub/push")
                    .then()
                    .statusCode(200)
                    .body("accepted", equalTo(delivery == 0 ? 1 : 0))
                    .body("duplicates", equalTo(delivery == 0 ? 0 : 1));
        }
        assertThat(Api.searchTotal("insertId:push-wrapped-1")).isEqualTo(1);
    }

    /** The emulator's unwrapped delivery: raw LogEntry, metadata in headers, form content type. */
    @Test
    @SharedData.Required
    void anUnwrappedDeliveryFromTheEmulatorIsStored() throws Exception {
        List<String> lines = Files.readAllLines(
                SharedData.ROOT.resolve("samples/emulator_push_unwrapped_writeMetadata_request.txt"));
        int blank = lines.indexOf("");
        String body = String.join("\n", lines.subList(blank + 1, lines.size()));
        given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .contentType("application/x-www-form-urlencoded")
                .headers(Map.of(
                        "x-goog-pubsub-message-id",
                        "1",
                        "x-goog-pubsub-subscription-name",
                        "projects/test-project/subscriptions/push-unwrapped"))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/pubsub/push")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
        assertThat(Api.searchTotal("insertId:68c8b28e0000d1b6dd8a748b")).isEqualTo(1);
    }

    @Test
    @SharedData.Required
    void theEmulatorsWrappedSampleIsStored() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.ROOT.resolve("samples/emulator_push_wrapped_request.txt"));
        String body = lines.get(lines.indexOf("") + 1);
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/pubsub/push")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
        assertThat(Api.searchTotal("insertId:68c8b28e0000d1b6dd8a748b")).isEqualTo(1);
    }

    @Test
    void permanentlyBadDeliveriesAreAcknowledgedAndQuarantinedWithTheReason() {
        String badBase64 =
                "{\"subscription\":\"s\",\"message\":{\"data\":\"@@not-base64@@\",\"messageId\":\"bad-b64\"}}";
        String noMessage = "{\"subscription\":\"s\",\"deliveryAttempt\":1}";
        for (String body : List.of(badBase64, noMessage)) {
            given().contentType("application/json")
                    .body(body)
                    .post("/api/v1/pubsub/push")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("application/problem+json"))
                    .body("title", equalTo("Quarantined"));
        }
        JsonPath quarantine = given().get("/api/v1/quarantine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> reasons = quarantine.getList("items.reason");
        List<String> payloads = quarantine.getList("items.payload");
        assertThat(reasons).anyMatch(r -> r.contains("not valid base64")).anyMatch(r -> r.contains("has no message"));
        assertThat(payloads).contains(badBase64, noMessage);
    }
}
