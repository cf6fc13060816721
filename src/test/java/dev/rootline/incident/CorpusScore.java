package dev.rootline.incident;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.SharedData;
import dev.rootline.ingest.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A labelled corpus of {@code ../shared/corpus} scored as {@code eval/score.py} scores it, on the running test
 * application: each case's entries are ingested, and the case is a top-1 hit when its service's first incident's
 * root-cause evidence is the labelled line (by insertId, or by message with timestamps and spacing ignored).
 *
 * @param misses the ids of the cases that are not top-1 hits
 */
record CorpusScore(int cases, int top1, int top3, int detected, List<String> misses) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Pattern> TIMESTAMPS = Stream.of(
                    "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?",
                    "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}",
                    "\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]")
            .map(Pattern::compile)
            .toList();

    static CorpusScore of(String corpus) {
        int cases = 0;
        int top1 = 0;
        int top3 = 0;
        int detected = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode c : cases(corpus)) {
            try {
                Api.ingest(JSON.writeValueAsBytes(c.get("entries")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Map<String, Object>> items = given().queryParam("service", service(c))
                    .queryParam("limit", 20)
                    .get("/api/v1/incidents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            cases++;
            detected += items.isEmpty() ? 0 : 1;
            if (!items.isEmpty() && hit(items.get(0), c.get("expected"))) {
                top1++;
            } else {
                misses.add(c.get("id").asText());
            }
            top3 += items.stream().limit(3).anyMatch(i -> hit(i, c.get("expected"))) ? 1 : 0;
        }
        CorpusScore score = new CorpusScore(cases, top1, top3, detected, misses);
        System.out.printf("%s: %s%n", corpus, score);
        return score;
    }

    double top1Rate() {
        return (double) top1 / cases;
    }

    double top3Rate() {
        return (double) top3 / cases;
    }

    @SuppressWarnings("unchecked")
    private static boolean hit(Map<String, Object> incident, JsonNode expected) {
        Map<String, Object> evidence =
                (Map<String, Object>) ((Map<String, Object>) incident.get("rootCause")).get("evidence");
        Set<String> ids = new HashSet<>();
        expected.path("root_cause_insert_ids").forEach(id -> ids.add(id.asText()));
        String message = expected.path("root_cause_message").asText("");
        return evidence != null
                && (ids.contains((String) evidence.get("insertId"))
                        || !message.isEmpty()
                                && normalised(message).equals(normalised((String) evidence.get("message"))));
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
        return c.hasNonNull("service")
                ? c.get("service").asText()
                : c.get("entries")
                        .get(0)
                        .path("resource")
                        .path("labels")
                        .path("service_name")
                        .asText();
    }

    static List<JsonNode> cases(String corpus) {
        List<JsonNode> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.ROOT.resolve(corpus))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode c = JSON.readTree(file.toFile());
                if (c.has("entries") && c.has("expected")) {
                    cases.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
