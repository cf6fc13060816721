package dev.rootline.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The iteration report of the layered failure, section by section, as an engineer would have written it. */
@QuarkusTest
class ReportApiTest {

    @Test
    void eachRevisionSaysWhatItFixedWhatItUncoveredWhyAndWhatToDoNext() {
        String service = "report-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);
        for (int n = 1; n <= 4; n++) {
            Api.ingest(LayeredFailure.array(logs.entries(n)));
        }

        String report = given().get("/api/v1/services/{service}/report", service)
                .then()
                .statusCode(200)
                .contentType("text/markdown")
                .extract()
                .asString();

        assertThat(report)
                .startsWith("# " + service + ": deploy iterations")
                .containsSubsequence(
                        "## " + logs.revision(4) + ": FAIL",
                        "## " + logs.revision(3) + ": PASS",
                        "## " + logs.revision(2) + ": FAIL",
                        "## " + logs.revision(1) + ": FAIL");
        String second = section(report, logs.revision(2), logs.revision(1));
        assertThat(second)
                .as("the fix of revision 2, with the evidence that it worked")
                .contains("### What it fixed", "**Invalid user execution context** (websocket.user-context-invalid)")
                .contains("seen once in " + logs.revision(1) + ", was not seen in " + logs.revision(2))
                .contains("got past phase WEBSOCKET, where " + logs.revision(1) + " failed (it reached CONFIGURATION)");
        assertThat(second)
                .as("the layer it uncovered, with evidence, five whys, symptoms and next steps")
                .contains("### Uncovered: Configuration validator rejected DATABASE_HOST")
                .contains("Uncovered by the fix of \"Invalid user execution context\".")
                .contains("Evidence:", "DATABASE_HOST validation failed")
                .as("the root's lines of this revision, not of the one it regressed in")
                .doesNotContain("i-four")
                .contains("Five whys:", "1. Why: ")
                .contains("Explains 3 user-facing failures: 3 × The request failed")
                .contains("**Next steps:** ");
        assertThat(section(report, logs.revision(3), logs.revision(2)))
                .contains("seen twice in " + logs.revision(2) + ", was not seen in " + logs.revision(3))
                .contains("**Configuration validator rejected DATABASE_HOST** (config.validation-failed): resolved.")
                .contains(logs.revision(3) + " became ready at");
        assertThat(section(report, logs.revision(4), logs.revision(3)))
                .contains("### Regressed: Configuration validator rejected DATABASE_HOST")
                .doesNotContain("Uncovered by")
                .contains("Compared to " + logs.revision(3) + ".");
    }

    @Test
    void anUnknownServiceIsNotFoundAndABadInstantAClientError() {
        given().get("/api/v1/services/{service}/report", "no-such-" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().queryParam("since", "yesterday")
                .get("/api/v1/services/{service}/report", "api")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** The report's section for one revision: from its heading to the next revision's. */
    private static String section(String report, String revision, String next) {
        int from = report.indexOf("## " + revision + ":");
        int to = report.indexOf("## " + next + ":");
        return report.substring(from, to < 0 ? report.length() : to);
    }
}
