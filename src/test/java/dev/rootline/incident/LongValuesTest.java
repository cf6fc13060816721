package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values far longer than any column still make their incident: captured values, titles, fingerprints, phases and
 * evidence are cut to fit, and what is stored reads back as valid JSON.
 */
@QuarkusTest
class LongValuesTest {

    private static void ingest(String service, String... lines) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < lines.length; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append(Entries.stderr(
                            service,
                            service + "-00001-abc",
                            service + "-" + i,
                            "2025-09-16T00:41:13.%03dZ".formatted(i),
                            "i-1",
                            lines[i]));
        }
        Api.postEntries("application/json", batch.append("]").toString().getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(200);
    }

    private static JsonPath incidents(String service) {
        return given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aFiveThousandCharacterCapturedValueStillOpensItsIncident() {
        ingest(
                "long-config",
                "DATABASE_HOST validation failed: " + "x".repeat(5220),
                "[2025-09-16 00:41:13 +0000] [1] [ERROR] Worker (pid:14) exited with code 3");
        List<String> titles = incidents("long-config").getList("items.title");
        assertThat(titles).isNotEmpty().allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(1000));
        String id = incidents("long-config").getString("items[0].id");
        given().get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void longModuleNamesExceptionDetailsAndPhasesAreCutNotFatal() {
        ingest(
                "long-names",
                "ModuleNotFoundError: No module named '" + "m".repeat(5000) + "'",
                "ValueError: " + "d".repeat(5000),
                "PHASE TRANSITION -> " + "P".repeat(5000),
                "PHASE FAILED: " + "Q".repeat(5000) + " - " + "r".repeat(5000));
        assertThat(incidents("long-names").getList("items")).isNotEmpty();
        given().get("/api/v1/services/long-names/timeline").then().statusCode(200);
        given().get("/api/v1/templates?service=long-names").then().statusCode(200);
    }

    @Test
    void aLineNamingManyPhasesKeepsTheRevisionWithinItsColumn() {
        String[] lines = new String[60];
        for (int i = 0; i < lines.length; i++) {
            lines[i] =
                    "PHASE TRANSITION -> PHASE_" + "X".repeat(60) + "_" + (char) ('A' + i % 26) + (char) ('A' + i / 26);
        }
        ingest("many-phases", lines);
        given().get("/api/v1/services/many-phases/timeline").then().statusCode(200);
    }
}
