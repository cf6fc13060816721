package dev.rootline.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchResourceTest {

    private static final String INSTANCE = "search-test-instance";

    /** Replays are idempotent, so every test can ingest the same sequence. */
    @BeforeEach
    void ingestAStartupSequence() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = i == 6 ? "Container called exit(3)." : "[INFO] search-test step " + i;
            entries.add(Entries.stderr("st-" + i, "2025-09-16T00:41:%02d.000001Z".formatted(10 + i), INSTANCE, text));
        }
        entries.add(
                Entries.stderr("st-other", "2025-09-16T00:41:16.5Z", "another-instance", "[INFO] search-test step x"));
        Api.ingest(("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsByQuerySyntaxNewestFirstWithTheOriginalEntry() {
        JsonPath page = given().queryParam("q", "\"search-test step\" AND severity:INFO")
                .queryParam("service", Entries.SERVICE)
                .queryParam("limit", 5)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getLong("total")).isEqualTo(12);
        assertThat(page.getList("items.insertId")).containsExactly("st-11", "st-10", "st-9", "st-8", "st-7");
        assertThat(page.getString("items[0].entry.insertId")).isEqualTo("st-11");
        assertThat(page.getString("items[0].scope.version")).isEqualTo(Entries.REVISION);
        assertThat(page.getString("nextCursor")).isNotBlank();
    }

    @Test
    void pagesWithTheCursorUntilTheEnd() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", "\"search-test step\"").queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.insertId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void filtersByEventTime() {
        given().queryParam("q", "\"search-test step\"")
                .queryParam("from", "2025-09-16T00:41:12Z")
                .queryParam("to", "2025-09-16T00:41:14Z")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.insertId", hasSize(2));
    }

    @Test
    void contextIsTheSameInstanceAroundTheEntry() {
        String key = given().queryParam("q", "\"exit(3)\" AND instance:" + INSTANCE)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].key");
        JsonPath context = given().queryParam("before", 2)
                .queryParam("after", 3)
                .get("/api/v1/entries/{key}/context", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(context.getList("before.insertId")).containsExactly("st-4", "st-5");
        assertThat(context.getString("entry.insertId")).isEqualTo("st-6");
        assertThat(context.getList("after.insertId")).containsExactly("st-7", "st-8", "st-9");
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("q", "message:(unclosed")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("query syntax"));
        given().queryParam("from", "last tuesday")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("from"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("cursor"));
        given().get("/api/v1/entries/{key}/context", "no-such-key")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void queriesTooComplexToRunAre400NotErrors() {
        given().queryParam("q", "/.{0,1000}x.{0,1000}/")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("too complex"));
        String words = "0123456789abcdefghijklmnopqrstuvwxyz"
                .chars()
                .mapToObj(c -> "w" + (char) c)
                .collect(java.util.stream.Collectors.joining(" "));
        Api.ingest(("[" + Entries.stderr("st-words", "2025-09-16T00:41:30Z", "words-instance", words) + "]")
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder fuzzy = new StringBuilder(); // each of 200 terms expands to the 36 words above
        for (int i = 0; i < 200; i++) {
            fuzzy.append(i == 0 ? "" : " ").append('w').append(i).append('~');
        }
        given().queryParam("q", fuzzy.toString())
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("too many"));
    }
}
