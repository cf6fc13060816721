package dev.rootline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.rootline.engine.event.Entries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets its status and a problem+json reason, and nothing of it is stored. */
@QuarkusTest
@TestProfile(SmallBodyLimit.class)
class BadInputTest {

    private static final String GOOD =
            Entries.stderr("bad-input-good", "2025-09-16T00:41:13Z", "bi-1", "stored only if the batch is");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(Response response, int status, String reason) {
        response.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("detail", containsString(reason));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated JSON      | GOOD,{\"textPayload\":\"cut | malformed JSON | 1",
                "wrong field type    | GOOD,{\"timestamp\":42,\"textPayload\":\"x\"} | timestamp must be a string | 1",
                "payload not a string| GOOD,{\"textPayload\":[1,2]} | textPayload must be a string | 1",
                "not a LogEntry      | GOOD,{\"name\":\"Ada\",\"age\":36} | not a LogEntry | 1",
                "scalar in the array | GOOD,true | not a JSON object | 1"
            })
    void aBatchWithOneBadEntryIsRejectedWholeNamingTheEntry(String name, String batch, String reason, int index) {
        Response response = Api.postEntries("application/json", bytes("[" + batch.replace("GOOD", GOOD) + "]"));
        assertProblem(response, 400, reason);
        response.then().body("entryIndex", equalTo(index));
        assertThat(Api.searchTotal("insertId:bad-input-good")).as(name).isZero();
    }

    @Test
    void bodiesOverTheLimitGet413EvenWhenGzipped() throws Exception {
        String big = "[" + (GOOD + ",").repeat(200) + GOOD + "]";
        assertProblem(Api.postEntries("application/json", bytes(big)), 413, "larger than the limit");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes(big));
        }
        assertThat(gz.size()).isLessThan(64 * 1024);
        assertProblem(
                given().contentType("application/json")
                        .header("Content-Encoding", "gzip")
                        .body(gz.toByteArray())
                        .post("/api/v1/entries"),
                413,
                "larger than the limit");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void unknownContentTypesEmptyBodiesAndFakeGzipAreRefused() {
        assertProblem(Api.postEntries("text/csv", bytes("a,b\n1,2")), 415, "");
        assertProblem(Api.postEntries("application/json", new byte[0]), 400, "empty");
        assertProblem(Api.postEntries("application/json", bytes("   \n ")), 400, "empty");
        assertProblem(
                given().contentType("application/json")
                        .header("Content-Encoding", "gzip")
                        .body(bytes(GOOD))
                        .post("/api/v1/entries"),
                400,
                "is gzip but the body is not");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void utf16AndUtf32BodiesAndOtherCharsetsAreRefusedAndNothingIsStored() {
        String batch = "[" + GOOD + "]";
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32"}) {
            assertProblem(
                    Api.postEntries("application/json", batch.getBytes(java.nio.charset.Charset.forName(charset))),
                    400,
                    "not UTF-8");
        }
        assertProblem(
                given().contentType("application/json; charset=ISO-8859-1")
                        .body(bytes(batch))
                        .post("/api/v1/entries"),
                415,
                "charset ISO-8859-1 is not accepted");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void aTruncatedGzipBodyIsABadRequest() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes("[" + GOOD + "," + GOOD.replace("bi-1", "bi-2") + "]"));
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        assertProblem(
                given().contentType("application/json")
                        .header("Content-Encoding", "gzip")
                        .body(cut)
                        .post("/api/v1/entries"),
                400,
                "gzip body is cut short");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void parserLimitsAnswer400NotAnError() {
        String deep = "{\"textPayload\":\"x\",\"jsonPayload\":{\"a\":" + "[".repeat(1100) + "]".repeat(1100) + "}}";
        assertProblem(Api.postEntries("application/json", bytes("[" + GOOD + "," + deep + "]")), 400, "malformed JSON");
        String longKey = "{\"textPayload\":\"x\",\"" + "k".repeat(50_001) + "\":1}";
        assertProblem(
                Api.postEntries("application/json", bytes("[" + GOOD + "," + longKey + "]")), 400, "malformed JSON");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void overLongIdsAndNamesAre400BeforeAnythingIsStored() {
        String longInsertId = Entries.stderr("i".repeat(300), "2025-09-16T00:41:13Z", "bi-1", "x");
        String longService =
                Entries.stderr("s".repeat(300), "r-1", "bad-input-long", "2025-09-16T00:41:13Z", "bi-1", "x");
        String longRevision =
                Entries.stderr("svc", "r".repeat(300), "bad-input-long", "2025-09-16T00:41:13Z", "bi-1", "x");
        assertProblem(
                Api.postEntries("application/json", bytes("[" + GOOD + "," + longInsertId + "]")),
                400,
                "insertId is 300 characters long");
        assertProblem(
                Api.postEntries("application/json", bytes("[" + GOOD + "," + longService + "]")),
                400,
                "service_name is 300 characters long");
        assertProblem(
                Api.postEntries("application/json", bytes("[" + GOOD + "," + longRevision + "]")),
                400,
                "revision_name is 300 characters long");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void aPoisonPushWithAnOverLongMessageIdIsQuarantinedNotRetriedForEver() {
        given().contentType("application/json")
                .header("x-goog-pubsub-message-id", "m".repeat(300))
                .header("x-goog-pubsub-subscription-name", "projects/p/subscriptions/" + "s".repeat(600))
                .body(bytes("{\"not\":\"a log entry\u0000\"}"))
                .post("/api/v1/pubsub/push")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aLineThatOverflowsABacktrackingRegexIsStoredWithTheRestOfItsBatch() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            batch.append(Entries.stderr("deep-line-" + i, "2025-09-16T00:41:13Z", "deep-1", "good line " + i))
                    .append(',');
        }
        batch.append(Entries.stderr(
                        "deep-line-x", "2025-09-16T00:41:14Z", "deep-1", "a.".repeat(3000) + "ValueError: boom"))
                .append(']');
        Api.postEntries("application/json", bytes(batch.toString()))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(101));
        assertThat(Api.searchTotal("instance:deep-1")).isEqualTo(101);
        assertThat(Api.searchTotal("signature:python.exception AND insertId:deep-line-x"))
                .isEqualTo(1);
    }

    @Test
    void gzippedBatchesAreAccepted() throws Exception {
        String entry = Entries.stderr("gzip-ok", "2025-09-16T00:41:13Z", "gz-1", "compressed line");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes("[" + entry + "]"));
        }
        given().contentType("application/json")
                .header("Content-Encoding", "gzip")
                .body(gz.toByteArray())
                .post("/api/v1/entries")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        assertThat(Api.searchTotal("insertId:gzip-ok")).isEqualTo(1);
    }
}
