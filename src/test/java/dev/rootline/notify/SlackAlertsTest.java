package dev.rootline.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Slack alerts end to end: ingest, correlation, the outbox, and a real HTTP server standing in for Slack. */
@QuarkusTest
@WithTestResource(SlackFakeResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    SlackFake slack;

    @Test
    @Order(1)
    void eachIncidentChangeSendsOneMessageAndExplainedSymptomsNone() throws Exception {
        String service = service("layered");
        LayeredFailure logs = new LayeredFailure(service);

        Api.ingest(LayeredFailure.array(logs.entries(1)));
        SlackFake.Request opened = slack.await(about(service), 1, WAIT).get(0);
        String a = incidentId(service, "websocket.user-context-invalid");
        assertThat(opened.header()).startsWith("🔴 Opened: ");
        assertThat(opened.text())
                .contains(
                        service,
                        logs.revision(1),
                        "*Root cause:*",
                        "UserExecutionContext",
                        "Because: ",
                        "https://rootline.example.com/incidents/" + a);

        Api.ingest(LayeredFailure.array(logs.entries(2)));
        List<SlackFake.Request> second = slack.await(about(service), 3, WAIT);
        String b = incidentId(service, "config.validation-failed");
        SlackFake.Request resolvedA = only(second, "✅ Resolved");
        SlackFake.Request uncoveredB = only(second, "🟠 Uncovered");
        assertThat(resolvedA.text()).contains(a, logs.revision(2));
        assertThat(uncoveredB.header()).contains("DATABASE_HOST");
        assertThat(uncoveredB.text())
                .contains(
                        b,
                        "Uncovered when revision `" + logs.revision(2) + "` fixed",
                        "/incidents/" + a,
                        "Why: Requests failed",
                        "Because: Container exited with code 3",
                        "3 × cloudrun.request-failed");

        Api.ingest(LayeredFailure.array(logs.entries(3)));
        Api.ingest(LayeredFailure.array(logs.entries(4)));
        List<SlackFake.Request> all = slack.await(about(service), 5, WAIT);
        assertThat(only(all, "🔁 Regressed").text()).contains(b, "Resolved by revision `" + logs.revision(3) + "`");
        assertThat(changes(all, a)).containsExactly("🔴 Opened", "✅ Resolved");
        assertThat(changes(all, b)).containsExactly("🟠 Uncovered", "✅ Resolved", "🔁 Regressed");
        assertThat(all)
                .as("the symptoms (worker and container exits, 503s) are explained: no message of their own")
                .hasSize(changes(all, a).size() + changes(all, b).size());

        Api.ingest(LayeredFailure.array(logs.all()));
        Thread.sleep(1500);
        assertThat(slack.requests(about(service)))
                .as("a replay changes nothing")
                .hasSize(5);
    }

    @Test
    @Order(2)
    void throttledWebhookIsRetriedAfterRetryAfter() throws Exception {
        String service = service("throttled");
        slack.reply(service, new SlackFake.Reply(429, "rate_limited", Map.of("Retry-After", "2")));
        Api.ingest(LayeredFailure.array(new LayeredFailure(service).entries(1)));

        List<SlackFake.Request> calls = slack.await(about(service), 2, WAIT);
        assertThat(calls).extracting(SlackFake.Request::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
        assertThat(alertOf(service, "sent").getInt("attempts")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void serverErrorsAreRetriedWithGrowingBackoff() throws Exception {
        String service = service("flaky");
        slack.reply(
                service,
                SlackFake.Reply.of(500, "internal_error"),
                SlackFake.Reply.of(503, "unavailable"),
                SlackFake.Reply.of(502, "bad gateway"));
        Api.ingest(LayeredFailure.array(new LayeredFailure(service).entries(1)));

        List<SlackFake.Request> calls = slack.await(about(service), 4, WAIT);
        assertThat(calls).extracting(SlackFake.Request::status).containsExactly(500, 503, 502, 200);
        for (int i = 1; i < 4; i++) {
            Duration base = Duration.ofMillis(100L << (i - 1));
            assertThat(Duration.between(calls.get(i - 1).at(), calls.get(i).at()))
                    .as("wait before retry %d", i)
                    .isGreaterThanOrEqualTo(base.minusMillis(10));
        }
        assertThat(alertOf(service, "sent").getInt("attempts")).isEqualTo(4);
    }

    @Test
    @Order(4)
    void invalidPayloadIsNotRetriedAndShowsAsFailed() throws Exception {
        String service = service("refused");
        slack.reply(service, SlackFake.Reply.of(400, "invalid_payload"));
        Api.ingest(LayeredFailure.array(new LayeredFailure(service).entries(1)));

        slack.await(about(service), 1, WAIT);
        JsonPath failed = alertOf(service, "failed");
        assertThat(failed.getString("lastError")).isEqualTo("400 invalid_payload");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(slack.requests(about(service))).hasSize(1);
    }

    @Test
    @Order(5)
    void webhookDownThenBackDeliversEveryAlertOnceInOrderPerIncident() throws Exception {
        String service = service("outage");
        LayeredFailure logs = new LayeredFailure(service);
        slack.down(SlackFake.Reply.of(503, "service_unavailable"));
        try {
            for (int revision = 1; revision <= 4; revision++) {
                Api.ingest(LayeredFailure.array(logs.entries(revision)));
            }
            slack.await(about(service), 6, WAIT);
        } finally {
            slack.up();
        }
        List<SlackFake.Request> delivered = slack.await(about(service).and(r -> r.status() == 200), 5, WAIT);
        Thread.sleep(1500);
        assertThat(slack.requests(about(service).and(r -> r.status() == 200))).hasSize(5);
        String a = incidentId(service, "websocket.user-context-invalid");
        String b = incidentId(service, "config.validation-failed");
        assertThat(changes(delivered, a)).containsExactly("🔴 Opened", "✅ Resolved");
        assertThat(changes(delivered, b)).containsExactly("🟠 Uncovered", "✅ Resolved", "🔁 Regressed");
    }

    @Test
    @Order(6)
    void aStormSendsTheRateLimitThenOneDigest() throws Exception {
        String service = "storm-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder entries = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            entries.append(i == 0 ? "" : ",")
                    .append(dev.rootline.engine.event.Entries.stderr(
                            service,
                            service + "-00001-abc",
                            service + "-" + i,
                            "2026-03-02T10:%02d:%02d.%03dZ".formatted(i / 600, i / 10 % 60, i % 1000),
                            "i-" + i % 4,
                            "NameError: name 'v%04d' is not defined".formatted(i)));
        }
        Api.ingest(entries.append(']').toString().getBytes(StandardCharsets.UTF_8));

        Predicate<SlackFake.Request> storm = r -> r.path().contains("/storm/");
        SlackFake.Request digest = slack.await(storm.and(r -> r.header().startsWith("⏸")), 1, Duration.ofSeconds(40))
                .get(0);
        List<SlackFake.Request> all = slack.requests(storm);
        assertThat(all).hasSize(SlackFakeResource.STORM_LIMIT + 1);
        assertThat(digest.header())
                .isEqualTo(
                        "⏸ %,d more alerts held back on route storm".formatted(1000 - SlackFakeResource.STORM_LIMIT));
        assertThat(digest.text())
                .as("each listed incident is named by its service and title, read in one query")
                .contains("*" + service + "*: Name v")
                .doesNotContain("*?*");
        assertThat(slack.requests(about(service).and(storm.negate())))
                .as("the default route takes none of them")
                .isEmpty();
    }

    @Test
    @Order(7)
    void aTestMessageGoesToTheRouteAsked() throws Exception {
        given().post("/api/v1/alerts/test?route=default").then().statusCode(202);
        assertThat(slack.await(r -> r.text().contains("Rootline test message for route default"), 1, WAIT))
                .hasSize(1);
        given().post("/api/v1/alerts/test?route=nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/alerts?status=lost").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @Order(100)
    void theWebhookUrlNeverAppearsInLogsOrResponses() throws Exception {
        for (String status : List.of("pending", "sent", "failed", "suppressed")) {
            assertThat(given().get("/api/v1/alerts?limit=500&status=" + status)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .doesNotContain(SlackFake.SECRET);
        }
        assertThat(given().get("/q/metrics").then().extract().asString()).doesNotContain(SlackFake.SECRET);
        String incident = given().get("/api/v1/alerts?status=sent")
                .then()
                .extract()
                .jsonPath()
                .getString("items.find { it.incidentId != null && it.route == 'default' }.incidentId");
        assertThat(given().get("/incidents/" + incident)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .as("the incident page lists its alerts by route")
                .contains("default")
                .doesNotContain(SlackFake.SECRET);
        String log = Files.readString(Path.of("target/slack-alerts-test.log"));
        assertThat(log).as("the log has the dispatcher's debug lines").contains("Alert ");
        assertThat(log).doesNotContain(SlackFake.SECRET);
    }

    private static String service(String kind) {
        return "alert-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Predicate<SlackFake.Request> about(String service) {
        return r -> r.text().contains(service);
    }

    /** The changes announced for one incident, in the order they arrived. */
    private static List<String> changes(List<SlackFake.Request> requests, String incident) {
        return requests.stream()
                .filter(r -> r.text().contains("/incidents/" + incident + "\""))
                .map(r -> r.header().substring(0, r.header().indexOf(':')))
                .toList();
    }

    private static SlackFake.Request only(List<SlackFake.Request> requests, String headerStart) {
        List<SlackFake.Request> matched = requests.stream()
                .filter(r -> r.header().startsWith(headerStart))
                .toList();
        assertThat(matched).as(headerStart).hasSize(1);
        return matched.get(0);
    }

    private static String incidentId(String service, String root) {
        return given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.rootCause.signatureId == '%s' }.id".formatted(root));
    }

    /** The one alert of a service's incident, with the status expected. */
    private static JsonPath alertOf(String service, String status) {
        String incident = given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].id");
        JsonPath alerts = given().get("/api/v1/alerts?status=" + status)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> alert = alerts.getMap("items.find { it.incidentId == '%s' }".formatted(incident));
        assertThat(alert).as("a %s alert for %s", status, incident).isNotNull();
        return new JsonPath(alerts.prettify()).setRootPath("items.find { it.incidentId == '%s' }".formatted(incident));
    }
}
