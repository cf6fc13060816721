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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real hours of a crash-looping service in {@code ../shared/corpus/exports/dev}, scored as
 * {@code eval/score_exports.py} scores them: every problem the engineers called a root cause is the root cause
 * of an incident, and nothing they called noise is.
 */
@QuarkusTest
@TestProfile(FreshDatabase.Again.class)
@SharedData.Required
class ExportsEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyNamedRootCauseAndNoNoise() throws IOException {
        List<JsonNode> problems = new ArrayList<>();
        Path dir = SharedData.ROOT.resolve("corpus/exports/dev");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList()) {
                String name = expected.getFileName().toString().replace(".expected.json", ".json");
                Api.ingest(Files.readAllBytes(dir.resolve(name)));
                JSON.readTree(expected.toFile()).get("problems").forEach(problems::add);
            }
        }
        List<String> roots = given().queryParam("limit", 500).get("/api/v1/incidents").then().statusCode(200)
                .extract().jsonPath().getList("items.rootCause.evidence.message", String.class);
        List<String> missed = new ArrayList<>();
        List<String> noise = new ArrayList<>();
        for (JsonNode problem : problems) {
            boolean found = substrings(problem).stream().anyMatch(s -> roots.stream().anyMatch(r -> r != null && r.contains(s)));
            String called = problem.path("humans_called").asText();
            if (called.equals("root_cause") && !found) {
                missed.add(problem.path("slug").asText());
            } else if (called.equals("noise") && found) {
                noise.add(problem.path("slug").asText());
            }
        }
        assertThat(problems.stream().filter(p -> p.path("humans_called").asText().equals("root_cause"))).hasSize(2);
        assertThat(missed).as("root causes no incident names").isEmpty();
        assertThat(noise).as("noise reported as a root cause").isEmpty();
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
