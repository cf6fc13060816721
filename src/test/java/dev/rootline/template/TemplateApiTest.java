package dev.rootline.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureYaml;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unknown errors grouped into templates, listed by the revision they are new in, and drafted as signatures. */
@QuarkusTest
class TemplateApiTest {

    private final String service = "tpl-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theTemplatesNewInARevisionAreListedWithTheirCountsPerRevision() {
        ingest("rev-1", 0, "ERROR: payment gateway timeout after %d ms", 3);
        ingest("rev-2", 10, "ERROR: payment gateway timeout after %d ms", 2);
        ingest("rev-2", 20, "ledger check failed: account acct-%d is out of balance", 2);

        JsonPath fresh = templates("?service=" + service + "&revision=rev-2&new=true");
        assertThat(fresh.getList("items.template", String.class))
                .containsExactly("ledger check failed: account <*> is out of balance");
        assertThat(fresh.getString("items[0].firstRevision")).isEqualTo("rev-2");
        assertThat(fresh.getList("items[0].samples", String.class)).hasSize(2);

        JsonPath seen = templates("?service=" + service + "&revision=rev-2");
        assertThat(seen.getList("items")).hasSize(2);
        assertThat(seen.getList("items.find { it.template.startsWith('ERROR') }.revisions.count", Long.class))
                .as("per revision")
                .containsExactly(3L, 2L);
        assertThat(seen.getString("items.find { it.template.startsWith('ERROR') }.firstRevision"))
                .isEqualTo("rev-1");
    }

    @Test
    void anUnexplainedCrashIsRootedAtItsEarliestErrorAndListsTheOneNewInItsRevisionFirst() {
        List<String> entries = List.of(
                Entries.stderr(
                        service,
                        "rev-1",
                        service + "-a",
                        "2026-03-02T10:00:00Z",
                        "i-1",
                        "ledger check failed: account acct-7 is out of balance"),
                Entries.stderr(
                        service,
                        "rev-2",
                        service + "-b",
                        "2026-03-02T10:05:00Z",
                        "i-1",
                        "ledger check failed: account acct-8 is out of balance"),
                Entries.stderr(
                        service,
                        "rev-2",
                        service + "-c",
                        "2026-03-02T10:05:01Z",
                        "i-1",
                        "quota check failed: tenant t-9 has no row"),
                Entries.stderr(
                        service, "rev-2", service + "-d", "2026-03-02T10:05:02Z", "i-1", "Container called exit(3)."));
        Api.ingest(("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8));

        JsonPath incidents = given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(incidents.getList("items"))
                .as("the crash joins the incident of its earliest error")
                .hasSize(1);
        assertThat(incidents.getList("items[0].chain.signatureId", String.class))
                .contains("cloudrun.container-exit");
        assertThat(incidents.getString("items[0].rootCause.evidence.insertId"))
                .as("first seen in revision 1")
                .isEqualTo(service + "-a");
        JsonPath detail = given().get("/api/v1/incidents/" + incidents.getString("items[0].id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("candidates.insertId", String.class)).containsExactly(service + "-c", service + "-b");
    }

    @Test
    void aReplayedEntryIsNotCountedTwice() {
        ingest("rev-1", 0, "CRITICAL worker %d lost its lease", 4);
        ingest("rev-1", 0, "CRITICAL worker %d lost its lease", 4);

        assertThat(templates("?service=" + service).getLong("items[0].count")).isEqualTo(4);
    }

    @Test
    void aSignatureDraftLoadsAndMatchesTheTemplatesOwnMessages() throws Exception {
        ingest("rev-1", 0, "ERROR: cache shard %d unreachable at 10.0.0.%d:6379 [retry 3/5]", 3);
        String id = templates("?service=" + service).getString("items[0].id");

        String yaml = given().post("/api/v1/templates/" + id + "/signature-draft")
                .then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract()
                .asString();

        List<SignatureDefinition> draft = SignatureYaml.parse("draft.yaml", yaml);
        SignatureCompiler.compile(draft); // checks that every example matches
        assertThat(draft.get(0).id()).isEqualTo("draft." + id);
        assertThat(draft.get(0).examples().match()).hasSize(3).allMatch(m -> m.startsWith("ERROR: cache shard"));
    }

    @Test
    void anUnknownTemplateIs404AndABadQueryIs400() {
        given().post("/api/v1/templates/nope/signature-draft")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/templates?since=yesterday").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/templates?limit=0").then().statusCode(400);
    }

    private void ingest(String revision, int second, String format, int n) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(Entries.stderr(
                    service,
                    revision,
                    service + "-" + revision + "-" + second + "-" + i,
                    "2026-03-02T10:00:%02d.%03dZ".formatted(second, i),
                    "i-1",
                    format.formatted(i + 7, i + 7)));
        }
        Api.ingest(("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath templates(String query) {
        return given().get("/api/v1/templates" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
