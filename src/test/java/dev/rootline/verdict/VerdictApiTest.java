package dev.rootline.verdict;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deploy loop of the layered failure, revision by revision, as a pipeline asks for verdicts. */
@QuarkusTest
class VerdictApiTest {

    private static JsonPath verdict(String service, String revision, String wait) {
        return given().queryParam("wait", wait)
                .get("/api/v1/services/{service}/revisions/{revision}/verdict", service, revision)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void eachRevisionOfTheLayeredFailureGetsTheVerdictItsLogsCallFor() throws Exception {
        String service = "verdict-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);

        Api.ingest(LayeredFailure.array(logs.entries(1)));
        JsonPath first = verdict(service, logs.revision(1), "PT0S");
        assertThat(first.getString("verdict")).isEqualTo("fail");
        assertThat(first.getString("reason"))
                .startsWith("Revision %s failed to start in phase WEBSOCKET".formatted(logs.revision(1)));
        assertThat(first.getString("incidents[0].rootCause.signatureId")).isEqualTo("websocket.user-context-invalid");
        assertThat(first.getString("incidents[0].change")).isEqualTo("opened");
        assertThat(first.getList("incidents[0].whys", String.class)).isNotEmpty();
        assertThat(first.getString("state.state")).isEqualTo("failed");
        assertThat(first.getMap("$")).doesNotContainKey("outcome");
        assertThat(first.getMap("incidents[0]"))
                .as("the incident unwrapped beside its change, once")
                .containsKeys("change", "fails", "id", "rootCause", "chain", "whys", "remediation")
                .doesNotContainKeys("detail", "incident");

        // the pipeline asks before revision 2's entries arrive, and is answered when they do
        CompletableFuture<JsonPath> waiting =
                CompletableFuture.supplyAsync(() -> verdict(service, logs.revision(2), "PT30S"));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        Api.ingest(LayeredFailure.array(logs.entries(2)));
        JsonPath second = waiting.get(10, TimeUnit.SECONDS);
        assertThat(second.getString("verdict")).isEqualTo("fail");
        assertThat(second.getString("reason")).contains("DATABASE_HOST", "(critical, uncovered)");
        assertThat(second.getString("incidents[0].rootCause.signatureId")).isEqualTo("config.validation-failed");
        assertThat(second.getString("incidents[0].change")).isEqualTo("uncovered");
        assertThat(second.getBoolean("incidents[0].fails")).isTrue();
        assertThat(second.getList("resolved.id", String.class))
                .as("the WebSocket incident revision 1 failed on")
                .containsExactly(first.getString("incidents[0].id"));

        Api.ingest(LayeredFailure.array(logs.entries(3)));
        JsonPath third = verdict(service, logs.revision(3), "PT0S");
        assertThat(third.getString("verdict"))
                .as("ready for longer than the settle time")
                .isEqualTo("pass");
        assertThat(third.getString("comparedTo")).isNull();
        assertThat(third.getList("incidents")).isEmpty();
        assertThat(third.getList("resolved.title", String.class))
                .singleElement()
                .asString()
                .contains("DATABASE_HOST");

        Api.ingest(LayeredFailure.array(logs.entries(4)));
        JsonPath fourth = verdict(service, logs.revision(4), "PT0S");
        assertThat(fourth.getString("verdict")).isEqualTo("fail");
        assertThat(fourth.getString("reason")).contains("(critical, regressed)");
        assertThat(fourth.getString("comparedTo")).isEqualTo(logs.revision(3));
        assertThat(fourth.getString("incidents[0].change")).isEqualTo("regressed");
    }

    @Test
    void aRevisionNoEntryOfArrivesWithinTheWaitHasNoData() {
        JsonPath none = verdict("nowhere-" + UUID.randomUUID(), "nowhere-00001-abc", "PT0.5S");
        assertThat(none.getString("verdict")).isEqualTo("nodata");
        assertThat(none.getString("state")).isNull();
    }

    @Test
    void aWaitThatIsNotADurationIsAClientError() {
        given().queryParam("wait", "five minutes")
                .get("/api/v1/services/{service}/revisions/{revision}/verdict", "api", "api-00001-abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
