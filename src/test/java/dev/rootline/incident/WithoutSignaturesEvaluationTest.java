package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.SharedData;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dev corpus with every cause signature disabled (issue #8): what Rootline points at when it knows no cause.
 * A case's candidates, in order: for each incident, best first, its ranked candidates when its root is of low
 * confidence, else its root; then the error templates new in the case's revision, oldest first. A case is a hit
 * when the labelled root cause is among the first three (by insertId, or by message as eval/score.py compares).
 */
@QuarkusTest
@TestProfile(WithoutCauseSignatures.class)
@SharedData.Required
class WithoutSignaturesEvaluationTest {

    /** docs/evaluation.md: a lower rate is a regression. */
    private static final double MIN_TOP3 = 0.60;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine alone, on the incidents' root causes only: it must beat the naive "first error line" answer. */
    @Test
    void theIncidentsAloneNameTheRootCauseOfMostFailures() {
        CorpusScore dev = CorpusScore.of("corpus/dev");
        CorpusScore wild = CorpusScore.of("corpus/wild-dev");

        assertThat(dev.top1Rate()).as("dev top-1; missed " + dev.misses()).isGreaterThanOrEqualTo(0.85);
        assertThat(wild.top1()).as("wild-dev top-1; missed " + wild.misses()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theLabelledRootCauseIsAmongTheFirstThreeCandidates() throws Exception {
        assertThat(given().get("/api/v1/signatures")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.role", String.class))
                .as("disabled")
                .isNotEmpty()
                .doesNotContain("cause");
        int hits = 0;
        List<String> misses = new ArrayList<>();
        List<JsonNode> cases = CorpusScore.cases("corpus/dev");
        for (JsonNode c : cases) {
            Api.ingest(JSON.writeValueAsBytes(c.get("entries")));
            List<Candidate> candidates = candidates(CorpusScore.service(c));
            if (candidates.stream().limit(3).anyMatch(candidate -> candidate.is(c.get("expected")))) {
                hits++;
            } else {
                misses.add(c.get("id").asText());
            }
        }
        System.out.printf("without cause signatures: top-3 %d/%d; missed %s%n", hits, cases.size(), misses);
        assertThat((double) hits / cases.size())
                .as("top-3 rate; missed " + misses)
                .isGreaterThanOrEqualTo(MIN_TOP3);
    }

    private record Candidate(String insertId, String message) {

        boolean is(JsonNode expected) {
            Set<String> ids = new HashSet<>();
            expected.path("root_cause_insert_ids").forEach(id -> ids.add(id.asText()));
            String want =
                    CorpusScore.normalised(expected.path("root_cause_message").asText(""));
            String got = CorpusScore.normalised(message);
            return insertId != null && ids.contains(insertId)
                    || !want.isEmpty() && (want.equals(got) || firstLine(want).equals(firstLine(got)));
        }

        private static String firstLine(String message) {
            return message.lines().findFirst().orElse("");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Candidate> candidates(String service) {
        Set<Candidate> out = new LinkedHashSet<>();
        List<Map<String, Object>> incidents = given().queryParam("service", service)
                .queryParam("limit", 3)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        for (Map<String, Object> incident : incidents) {
            JsonPath detail = given().get("/api/v1/incidents/" + incident.get("id"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> ranked = detail.getList("candidates");
            if (ranked == null || ranked.isEmpty()) {
                Map<String, Object> evidence =
                        (Map<String, Object>) ((Map<String, Object>) incident.get("rootCause")).get("evidence");
                out.add(new Candidate((String) evidence.get("insertId"), (String) evidence.get("message")));
            } else {
                ranked.forEach(e -> out.add(new Candidate((String) e.get("insertId"), (String) e.get("message"))));
            }
        }
        List<Map<String, Object>> fresh = given().queryParam("service", service)
                .queryParam("new", true)
                .get("/api/v1/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        for (int i = fresh.size() - 1; i >= 0; i--) { // oldest first
            ((List<String>) fresh.get(i).get("samples")).forEach(sample -> out.add(new Candidate(null, sample)));
        }
        return new ArrayList<>(out);
    }
}
