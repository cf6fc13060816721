package dev.rootline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pages as HTML: log text is inert wherever it shows, and bad requests get clear answers. */
@QuarkusTest
class PagesTest {

    private static final String SCRIPT = "<script>alert('owned')</script>";
    private static final String ATTRIBUTE = "\" onmouseover=\"alert(1)\" x=\"";

    @Test
    void markupInLogLinesIsRenderedInert() {
        String service = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        String line = "ValueError: " + SCRIPT + ATTRIBUTE + "<img src=x onerror=alert(2)>";
        Api.ingest(("["
                        + Entries.stderr(
                                service, service + "-00001-abc", service + "-1", "2026-03-02T09:00:00Z", "i-1", line)
                        + "]")
                .getBytes(StandardCharsets.UTF_8));
        String incident = given().queryParam("service", service)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].id");
        String key = given().queryParam("q", "ValueError")
                .queryParam("service", service)
                .get("/api/v1/search")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].key");

        for (String page : List.of(
                "/",
                "/services/" + service,
                "/incidents/" + incident,
                "/entries/" + key,
                "/search?service=" + service + "&q=ValueError")) {
            String html = given().get(page)
                    .then()
                    .statusCode(200)
                    .contentType("text/html")
                    .extract()
                    .asString();
            assertThat(html)
                    .as(page)
                    .contains("&lt;script&gt;alert(")
                    .doesNotContain(SCRIPT, "<img src=x")
                    .doesNotContain("onmouseover=\"alert");
        }
    }

    @Test
    void theTimelineFiltersByStatusAndTimeRange() {
        String service = "filters-" + UUID.randomUUID().toString().substring(0, 8);
        dev.rootline.incident.LayeredFailure logs = new dev.rootline.incident.LayeredFailure(service);
        for (int revision = 1; revision <= 4; revision++) {
            Api.ingest(dev.rootline.incident.LayeredFailure.array(logs.entries(revision)));
        }
        String a = "Invalid user execution context";
        String b = "Configuration validator rejected";
        assertThat(timeline(service, "")).contains(a, b);
        assertThat(timeline(service, "?status=resolved")).contains(a).doesNotContain(b);
        assertThat(timeline(service, "?status=regressed")).contains(b).doesNotContain(a);
        assertThat(timeline(service, "?until=2026-03-02T09:05:00Z"))
                .as("B opened at 09:10")
                .contains(a)
                .doesNotContain(b);
        assertThat(timeline(service, "?since=2026-03-02T09:25:00Z"))
                .as("A was resolved at 09:10")
                .contains(b)
                .doesNotContain(a);
        given().get("/services/" + service + "?since=yesterday").then().statusCode(400);
    }

    @Test
    void theTimelineListsTheErrorsNewInEachRevision() {
        String service = "new-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(Entries.stderr(
                    service,
                    service + "-00002-abc",
                    service + "-" + i,
                    "2026-03-02T09:00:0" + i + "Z",
                    "i-1",
                    "ledger check failed: account acct-" + (40 + i) + " is out of balance"));
        }
        Api.ingest(("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8));

        String html = given().get("/services/" + service)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html.substring(html.indexOf("id=\"new-errors\"")))
                .contains(
                        "ledger check failed: account &lt;*&gt; is out of balance",
                        "new in",
                        service + "-00002-abc",
                        "3 lines");
    }

    /** The incidents section of a service's timeline page. */
    private static String timeline(String service, String query) {
        String html = given().get("/services/" + service + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return html.substring(html.indexOf("id=\"incidents\""), html.indexOf("id=\"new-errors\""));
    }

    @Test
    void unknownThingsAreNotFoundAndBadFiltersAreExplained() {
        given().get("/incidents/inc_nothing").then().statusCode(404);
        given().get("/services/no-such-service").then().statusCode(404);
        given().get("/entries/nothing").then().statusCode(404);
        assertThat(given().get("/search?q=%22unclosed&from=yesterday")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("role=\"alert\"", "from:");
    }
}
