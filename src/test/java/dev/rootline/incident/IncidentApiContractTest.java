package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incidents, services and timeline endpoints: shapes, filters, pagination and refusals. */
@QuarkusTest
class IncidentApiContractTest {

    private String service;
    private LayeredFailure logs;

    @BeforeEach
    void layeredFailure() {
        service = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        logs = new LayeredFailure(service);
        Api.ingest(LayeredFailure.array(logs.all()));
    }

    @Test
    void anIncidentHasExactlyTheDesignedShape() {
        Map<String, Object> incident = LayeredFailureTest.incidents(service).getMap("items[0]");
        assertThat(incident)
                .containsOnlyKeys(
                        "id",
                        "status",
                        "service",
                        "revision",
                        "title",
                        "category",
                        "severity",
                        "confidence",
                        "firstSeen",
                        "lastSeen",
                        "explainedCount",
                        "rootCause",
                        "chain",
                        "resolvedBy",
                        "uncoveredBy");
        assertThat(incident)
                .containsEntry("severity", "critical")
                .containsEntry("confidence", "high")
                .containsEntry("category", "config-validation");
        @SuppressWarnings("unchecked")
        Map<String, Object> rootCause = (Map<String, Object>) incident.get("rootCause");
        assertThat(rootCause).containsOnlyKeys("signatureId", "category", "summary", "evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) rootCause.get("evidence");
        assertThat(evidence)
                .containsOnlyKeys("insertId", "timestamp", "message")
                .containsEntry("insertId", logs.insertId(2, 4))
                .containsEntry("timestamp", "2026-03-02T09:10:03.001Z");
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(rootsWhere("status", "resolved")).containsExactly("websocket.user-context-invalid");
        assertThat(rootsWhere("status", "regressed")).containsExactly("config.validation-failed");
        assertThat(rootsWhere("status", "open")).isEmpty();
        assertThat(rootsWhere("revision", logs.revision(1))).containsExactly("websocket.user-context-invalid");
        assertThat(rootsWhere("revision", logs.revision(4))).containsExactly("config.validation-failed");
        assertThat(rootsWhere("since", "2026-03-02T09:25:00Z")).containsExactly("config.validation-failed");
        assertThat(rootsWhere("until", "2026-03-02T09:05:00Z")).containsExactly("websocket.user-context-invalid");
    }

    @Test
    void aCursorWalksEveryIncidentOnceInOrder() {
        List<Object> all = LayeredFailureTest.incidents(service).getList("items.id");
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("service", service).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/incidents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(1);
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize(2).isEqualTo(all);
    }

    @Test
    void servicesAndTimeline() {
        Map<String, Object> summary = given().get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.name == '%s' }".formatted(service));
        assertThat(summary).containsEntry("openIncidents", 1).containsEntry("resourceType", "cloud_run_revision");
        assertThat(summary.get("latestRevision").toString()).contains(logs.revision(4));
        assertThat(summary.get("lastIncident").toString())
                .as("the regressed one")
                .contains("status=regressed");
        JsonPath timeline = given().get("/api/v1/services/{service}/timeline", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(timeline.getList("revisions.name"))
                .containsExactly(logs.revision(1), logs.revision(2), logs.revision(3), logs.revision(4));
        assertThat(timeline.getList("events.kind"))
                .containsExactly("opened", "resolved", "opened", "uncovered", "resolved", "regressed");
        assertThat(timeline.getList("events.at", String.class)).isSorted();
    }

    @Test
    void errorsNoSignatureKnowsAreIncidentsOfLowConfidenceWithTheirCandidates() {
        String unexplained = "unexplained-" + UUID.randomUUID().toString().substring(0, 8);
        String revision = unexplained + "-00001-abc";
        Api.ingest(LayeredFailure.array(List.of(
                Entries.stderr(
                        unexplained,
                        revision,
                        unexplained + "-0",
                        "2026-03-02T10:00:00Z",
                        "i1",
                        "ERROR: tenant cache warm-up failed: KeyError 'eu-west'"),
                Entries.stderr(
                        unexplained,
                        revision,
                        unexplained + "-1",
                        "2026-03-02T10:00:01Z",
                        "i1",
                        "ERROR: giving up after 3 attempts"),
                Entries.stderr(
                        unexplained,
                        revision,
                        unexplained + "-2",
                        "2026-03-02T10:00:02Z",
                        "i2",
                        "ERROR: another instance's trouble"))));
        String title = "ERROR: tenant cache warm-up failed: KeyError 'eu-west'";
        assertThat(LayeredFailureTest.incidents(unexplained).getList("items.title", String.class))
                .as("one incident an episode: an instance's errors in a row, rooted at the first")
                .containsExactlyInAnyOrder(title, "ERROR: another instance's trouble");
        Api.ingest(LayeredFailure.array(List.of(Entries.stderr(
                unexplained,
                revision,
                unexplained + "-3",
                "2026-03-02T10:00:03Z",
                "i1",
                "Container called exit(1)."))));
        Map<String, Object> incident =
                LayeredFailureTest.incidents(unexplained).getMap("items.find { it.title == \"%s\" }".formatted(title));
        assertThat(incident).containsEntry("confidence", "low").containsEntry("category", "unknown");
        JsonPath detail = given().get("/api/v1/incidents/{id}", incident.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("chain.signatureId"))
                .as("the crash joins its episode")
                .contains("cloudrun.container-exit");
        assertThat(detail.getList("candidates.insertId")).containsExactly(unexplained + "-0", unexplained + "-1");
        assertThat(LayeredFailureTest.incidents(unexplained).getList("items")).hasSize(2);
    }

    @Test
    void badQueriesAreRefusedWithProblems() {
        for (String[] bad : new String[][] {
            {"status", "bogus"},
            {"limit", "0"},
            {"limit", "501"},
            {"since", "yesterday"},
            {"until", "2026-13-01"},
            {"cursor", "%%%"}
        }) {
            given().queryParam(bad[0], bad[1])
                    .get("/api/v1/incidents")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString(bad[0]));
        }
        given().get("/api/v1/incidents/inc_missing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/v1/services/{service}/timeline", "no-such-service")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private List<String> rootsWhere(String param, String value) {
        return given().queryParam("service", service)
                .queryParam(param, value)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.rootCause.signatureId", String.class);
    }
}
