package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The layered failure of the root-cause issue, end to end through the HTTP API. */
@QuarkusTest
class LayeredFailureTest {

    @Test
    void eachRevisionPeelsOneLayerAndTheHistoryStaysStraight() {
        String service = "layered-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);

        Api.ingest(LayeredFailure.array(logs.entries(1)));
        JsonPath a = only(incidents(service));
        assertThat(a.getString("status")).isEqualTo("open");
        assertThat(a.getString("rootCause.signatureId")).isEqualTo("websocket.user-context-invalid");
        assertThat(a.getList("chain.signatureId", String.class))
                .containsSubsequence(
                        "websocket.user-context-invalid", "gunicorn.worker-exit", "cloudrun.container-exit");

        Api.ingest(LayeredFailure.array(logs.entries(2)));
        Map<String, Object> b = byRoot(service, "config.validation-failed");
        Map<String, Object> resolvedA = byRoot(service, "websocket.user-context-invalid");
        assertThat(resolvedA).containsEntry("status", "resolved").containsEntry("resolvedBy", logs.revision(2));
        assertThat(b)
                .containsEntry("status", "open")
                .containsEntry("uncoveredBy", resolvedA.get("id"))
                .containsEntry("revision", logs.revision(2));
        assertThat((String) b.get("title")).contains("DATABASE_HOST", "DATABASE_PASSWORD");
        assertThat(((Number) b.get("explainedCount")).intValue()).isGreaterThanOrEqualTo(5);
        assertThat(chainOf(b))
                .containsSubsequence(
                        "config.validation-failed",
                        "gunicorn.worker-exit",
                        "cloudrun.container-exit",
                        "cloudrun.request-failed");
        assertThat(stepCount(b, "cloudrun.request-failed")).isEqualTo(3);
        assertThat(revisionNamed(service, logs.revision(2)))
                .containsEntry("lastPhase", "CONFIGURATION")
                .containsEntry("state", "failed");
        assertThat(incidentIn(b.get("id"), "revisions.find { it.revision == '%s' }.phase".formatted(logs.revision(2))))
                .isEqualTo("CONFIGURATION");

        Api.ingest(LayeredFailure.array(logs.entries(3)));
        assertThat(byRoot(service, "config.validation-failed"))
                .containsEntry("status", "resolved")
                .containsEntry("resolvedBy", logs.revision(3));
        assertThat(revisionNamed(service, logs.revision(3))).containsEntry("state", "ready");

        Api.ingest(LayeredFailure.array(logs.entries(4)));
        Map<String, Object> regressed = byRoot(service, "config.validation-failed");
        assertThat(regressed).containsEntry("status", "regressed").containsEntry("resolvedBy", null);
        JsonPath detail = given().get("/api/v1/incidents/{id}", regressed.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("timeline.kind", String.class))
                .containsExactly("opened", "uncovered", "resolved", "regressed");
        assertThat(detail.getList("whys", String.class))
                .first()
                .asString()
                .startsWith("Why: Requests failed")
                .contains("Because: Container exited with code 3");
        assertThat(detail.getList("whys", String.class)).last().asString().contains("Configuration validator rejected");
        assertThat(detail.getList("evidence.fields.var", String.class)).contains("DATABASE_HOST", "DATABASE_PASSWORD");
        assertThat(detail.getList("candidates"))
                .as("a known cause needs no candidates")
                .isEmpty();
        assertThat(incidents(service).getList("items.rootCause.signatureId", String.class))
                .as("active incidents first")
                .containsExactly("config.validation-failed", "websocket.user-context-invalid");
    }

    @Test
    void arrivalOrderAndReplaysDoNotChangeTheIncidents() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String once = "order-once-" + suffix;
        Api.ingest(LayeredFailure.array(new LayeredFailure(once).all()));

        String shuffled = "order-shuffled-" + suffix;
        List<String> entries = new ArrayList<>(new LayeredFailure(shuffled).all());
        Collections.shuffle(entries, new Random(42));
        for (int from = 0; from < entries.size(); from += 5) {
            Api.ingest(LayeredFailure.array(entries.subList(from, Math.min(entries.size(), from + 5))));
        }

        String twice = "order-twice-" + suffix;
        byte[] all = LayeredFailure.array(new LayeredFailure(twice).all());
        Api.ingest(all);
        assertThat(Api.ingest(all).getInt("accepted")).isZero();

        String expected = normalised(once);
        assertThat(expected.lines()).as("both incidents, in detail").hasSize(2);
        assertThat(normalised(shuffled)).isEqualTo(expected.replace(once, shuffled));
        assertThat(normalised(twice)).isEqualTo(expected.replace(once, twice));
    }

    /** Cloud Logging always sends a timestamp; a hand-made entry without one takes its arrival time, once. */
    @Test
    void anEntryWithoutTimestampsSentAgainLaterIsNotCountedTwice() {
        String service = "timeless-" + UUID.randomUUID().toString().substring(0, 8);
        String entry = Entries.stderr(service, service + "-00001-abc", "x", "t", "i1", "Container called exit(3).")
                .replace("\"insertId\":\"x\",\"timestamp\":\"t\",", "");
        byte[] body = LayeredFailure.array(List.of(entry));

        Api.ingest(body);
        assertThat(Api.ingest(body).getInt("duplicates")).isEqualTo(1);

        assertThat(stepCount(byRoot(service, "cloudrun.container-exit"), "cloudrun.container-exit"))
                .isEqualTo(1);
    }

    @Test
    void effectsCountedUnderARootFollowItWhenALaterFoundCauseMovesIt() {
        String service = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> batches = LayeredFailure.lateCause(service);
        Api.ingest(LayeredFailure.array(batches.get(0)));
        Object unexplained = byRoot(service, "gunicorn.worker-exit").get("id");
        assertThat(incidentIn(unexplained, "revisions[0].firstSeen"))
                .isEqualTo(LayeredFailure.T0.plusSeconds(10).toString());

        // the cause of the first exit arrives late: the exits of the crash loop counted under that exit follow it,
        // though they are more than a chain span after the batch
        Api.ingest(LayeredFailure.array(batches.get(1)));

        assertThat(stepCount(byRoot(service, "config.validation-failed"), "gunicorn.worker-exit"))
                .isEqualTo(3);
        assertThat(incidents(service).getList("items")).hasSize(1);
        given().get("/api/v1/incidents/{id}", unexplained).then().statusCode(404);
    }

    /** The service's incidents in detail, with the ids and entry keys (hashes over the service name) taken out. */
    private static String normalised(String service) {
        StringBuilder out = new StringBuilder();
        for (Object id : incidents(service).getList("items.id")) {
            String detail = given().get("/api/v1/incidents/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            out.append(detail.replaceAll("inc_[0-9a-f]{20}", "inc").replaceAll("\"entryKey\":\"[^\"]+\"", "key"))
                    .append('\n');
        }
        return out.toString();
    }

    static JsonPath incidents(String service) {
        return given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath only(JsonPath page) {
        assertThat(page.getList("items")).hasSize(1);
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    private static Map<String, Object> byRoot(String service, String signatureId) {
        return incidents(service).getMap("items.find { it.rootCause.signatureId == '%s' }".formatted(signatureId));
    }

    @SuppressWarnings("unchecked")
    private static List<String> chainOf(Map<String, Object> incident) {
        return ((List<Map<String, Object>>) incident.get("chain"))
                .stream().map(s -> (String) s.get("signatureId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static int stepCount(Map<String, Object> incident, String signatureId) {
        return ((List<Map<String, Object>>) incident.get("chain"))
                .stream()
                        .filter(s -> s.get("signatureId").equals(signatureId))
                        .mapToInt(s -> ((Number) s.get("count")).intValue())
                        .findFirst()
                        .orElse(0);
    }

    private static Map<String, Object> revisionNamed(String service, String revision) {
        return given().get("/api/v1/services/{service}/timeline", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("revisions.find { it.name == '%s' }".formatted(revision));
    }

    private static String incidentIn(Object id, String path) {
        return given().get("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString(path);
    }
}
