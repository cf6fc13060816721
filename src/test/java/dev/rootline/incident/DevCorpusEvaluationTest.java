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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled incidents of {@code ../shared/corpus/dev}, scored as {@code eval/score.py} scores them: a case is a
 * top-1 hit when the first incident's root-cause evidence is the labelled line (by insertId, or by message with
 * timestamps and spacing ignored). Guards the rates reached (docs/evaluation.md) against regressions.
 */
@QuarkusTest
@TestProfile(FreshDatabase.class)
@SharedData.Required
class DevCorpusEvaluationTest {

    /** 19 of 20 (docs/evaluation.md): a lower rate is a regression. */
    private static final double MIN_TOP1 = 0.95;
    private static final double MIN_TOP3 = 1.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Pattern> TIMESTAMPS = Stream.of(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?",
            "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}",
            "\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]").map(Pattern::compile).toList();

    @Test
    void rootCausesOfTheLabelledIncidents() throws IOException {
        int cases = 0;
        int top1 = 0;
        int top3 = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode c : cases()) {
            Api.ingest(JSON.writeValueAsBytes(c.get("entries")));
            List<Map<String, Object>> items = given().queryParam("service", service(c)).queryParam("limit", 20)
                    .get("/api/v1/incidents").then().statusCode(200).extract().jsonPath().getList("items");
            cases++;
            if (!items.isEmpty() && hit(items.get(0), c.get("expected"))) {
                top1++;
            } else {
                misses.add(c.get("id").asText());
            }
            if (items.stream().limit(3).anyMatch(i -> hit(i, c.get("expected")))) {
                top3++;
            }
        }
        assertThat(cases).isEqualTo(20);
        assertThat((double) top1 / cases).as("top-1 rate; missed " + misses).isGreaterThanOrEqualTo(MIN_TOP1);
        assertThat((double) top3 / cases).as("top-3 rate").isGreaterThanOrEqualTo(MIN_TOP3);
    }

    @SuppressWarnings("unchecked")
    private static boolean hit(Map<String, Object> incident, JsonNode expected) {
        Map<String, Object> evidence = (Map<String, Object>) ((Map<String, Object>) incident.get("rootCause")).get("evidence");
        Set<String> ids = new HashSet<>();
        expected.path("root_cause_insert_ids").forEach(id -> ids.add(id.asText()));
        String message = expected.path("root_cause_message").asText("");
        return evidence != null && (ids.contains((String) evidence.get("insertId"))
                || !message.isEmpty() && normalised(message).equals(normalised((String) evidence.get("message"))));
    }

    static String normalised(String message) {
        if (message == null) {
            return "";
        }
        for (Pattern p : TIMESTAMPS) {
            message = p.matcher(message).replaceAll(" ");
        }
        return String.join(" ", message.strip().split("\\s+"));
    }

    static String service(JsonNode c) {
        return c.hasNonNull("service") ? c.get("service").asText()
                : c.get("entries").get(0).path("resource").path("labels").path("service_name").asText();
    }

    static List<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.ROOT.resolve("corpus/dev"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode c = JSON.readTree(file.toFile());
                if (c.has("entries") && c.has("expected")) {
                    cases.add(c);
                }
            }
        }
        return cases;
    }
}
