package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.SharedData;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real hours of a crash-looping service in {@code ../shared/corpus/exports/dev}, scored as
 * {@code eval/score_exports.py} scores them: every problem the engineers called a root cause is the root cause
 * of an incident, nothing they called noise or a symptom is, and an hour opens at most {@value #MAX_INCIDENTS}
 * incidents (docs/evaluation.md).
 */
@QuarkusTest
@TestProfile(FreshDatabase.Again.class)
@SharedData.Required
class ExportsEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An engine that opened an incident per error line would open hundreds in these hours. */
    private static final int MAX_INCIDENTS = 10;

    @Test
    void everyNamedRootCauseAndNeitherNoiseNorSymptoms() throws IOException {
        List<JsonNode> problems = new ArrayList<>();
        Map<String, Integer> opened = new LinkedHashMap<>();
        Path dir = SharedData.ROOT.resolve("corpus/exports/dev");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList()) {
                String name = expected.getFileName().toString().replace(".expected.json", ".json");
                int before = incidentCount();
                Api.ingest(Files.readAllBytes(dir.resolve(name)));
                opened.put(name, incidentCount() - before);
                JSON.readTree(expected.toFile()).get("problems").forEach(problems::add);
            }
        }
        List<String> roots = given().queryParam("limit", 500)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.rootCause.evidence.message", String.class);
        List<String> missed = new ArrayList<>();
        List<String> noise = new ArrayList<>();
        List<String> symptoms = new ArrayList<>();
        for (JsonNode problem : problems) {
            boolean found = substrings(problem).stream()
                    .anyMatch(s -> roots.stream().anyMatch(r -> r != null && r.contains(s)));
            String called = problem.path("humans_called").asText();
            if (called.equals("root_cause") && !found) {
                missed.add(problem.path("slug").asText());
            } else if (called.equals("noise") && found) {
                noise.add(problem.path("slug").asText());
            } else if (called.equals("symptom") && found) {
                symptoms.add(problem.path("slug").asText());
            }
        }
        assertThat(problems.stream()
                        .filter(p -> p.path("humans_called").asText().equals("root_cause")))
                .hasSize(2);
        assertThat(missed).as("root causes no incident names").isEmpty();
        assertThat(noise).as("noise reported as a root cause").isEmpty();
        assertThat(symptoms).as("symptoms reported as a root cause").isEmpty();
        assertThat(opened)
                .as("incidents per export")
                .allSatisfy((export, n) -> assertThat(n).isBetween(1, MAX_INCIDENTS));
    }

    private static int incidentCount() {
        return given().queryParam("limit", 500)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    private static List<String> substrings(JsonNode problem) {
        List<String> out = new ArrayList<>();
        if (!problem.path("example_substring").asText().isEmpty()) {
            out.add(problem.get("example_substring").asText());
        }
        problem.path("related_substrings").forEach(s -> out.add(s.asText()));
        return out;
    }
}
