package dev.rootline.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An error template that ready, serving revisions keep logging is counted on its template, not as an incident. */
@QuarkusTest
class BackgroundErrorsTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final String STEADY = "ERROR cache refresh failed for region eu-west: upstream timed out";

    @Test
    void aServingRevisionsSteadyErrorStopsCountingAndDoesNotKeepItsIncidentOpen() {
        String service = "steady-" + UUID.randomUUID().toString().substring(0, 8);
        int lines = Familiarity.STEADY + 3;
        List<String> first = new ArrayList<>(List.of(line(service, 1, 0, "INFO:     Application startup complete.")));
        for (int i = 1; i <= lines; i++) {
            first.add(line(service, 1, i * 300, STEADY)); // five minutes apart: an episode each
        }
        Api.ingest(LayeredFailure.array(first));

        Map<String, Object> incident = LayeredFailureTest.incidents(service).getMap("items[0]");
        assertThat(LayeredFailureTest.incidents(service).getList("items")).hasSize(1);
        assertThat(stepCount(incident)).as("counted until it proved steady").isEqualTo(Familiarity.STEADY);

        Api.ingest(LayeredFailure.array(List.of(
                line(service, 2, 4000, "INFO:     Application startup complete."), line(service, 2, 4300, STEADY))));

        assertThat(LayeredFailureTest.incidents(service).getMap("items[0]"))
                .as("background in revision 2: the incident does not recur there")
                .containsEntry("status", "resolved");
        long counted = given().queryParam("service", service)
                .get("/api/v1/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].count");
        assertThat(counted).as("every line is still counted on its template").isEqualTo(lines + 1);
    }

    private static String line(String service, int revision, int second, String text) {
        return Entries.stderr(
                service,
                "%s-%05d-abc".formatted(service, revision),
                service + "-" + revision + "-" + second,
                T0.plusSeconds(second).toString(),
                "i-" + revision,
                text);
    }

    @SuppressWarnings("unchecked")
    private static int stepCount(Map<String, Object> incident) {
        return ((List<Map<String, Object>>) incident.get("chain"))
                .stream().mapToInt(s -> ((Number) s.get("count")).intValue()).sum();
    }
}
