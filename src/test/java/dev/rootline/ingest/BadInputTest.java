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

    private static final String GOOD = Entries.stderr("bad-input-good", "2025-09-16T00:41:13Z", "bi-1", "stored only if the batch is");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(Response response, int status, String reason) {
        response.then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("detail", containsString(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "truncated JSON      | GOOD,{\"textPayload\":\"cut | malformed JSON | 1",
            "wrong field type    | GOOD,{\"timestamp\":42,\"textPayload\":\"x\"} | timestamp must be a string | 1",
            "payload not a string| GOOD,{\"textPayload\":[1,2]} | textPayload must be a string | 1",
            "not a LogEntry      | GOOD,{\"name\":\"Ada\",\"age\":36} | not a LogEntry | 1",
            "scalar in the array | GOOD,true | not a JSON object | 1"})
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
        assertProblem(given().contentType("application/json").header("Content-Encoding", "gzip").body(gz.toByteArray())
                .post("/api/v1/entries"), 413, "larger than the limit");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void unknownContentTypesEmptyBodiesAndFakeGzipAreRefused() {
        assertProblem(Api.postEntries("text/csv", bytes("a,b\n1,2")), 415, "");
        assertProblem(Api.postEntries("application/json", new byte[0]), 400, "empty");
        assertProblem(Api.postEntries("application/json", bytes("   \n ")), 400, "empty");
        assertProblem(given().contentType("application/json").header("Content-Encoding", "gzip").body(bytes(GOOD))
                .post("/api/v1/entries"), 400, "is gzip but the body is not");
        assertThat(Api.searchTotal("insertId:bad-input-good")).isZero();
    }

    @Test
    void gzippedBatchesAreAccepted() throws Exception {
        String entry = Entries.stderr("gzip-ok", "2025-09-16T00:41:13Z", "gz-1", "compressed line");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes("[" + entry + "]"));
        }
        given().contentType("application/json").header("Content-Encoding", "gzip").body(gz.toByteArray())
                .post("/api/v1/entries").then().statusCode(200).body("accepted", equalTo(1));
        assertThat(Api.searchTotal("insertId:gzip-ok")).isEqualTo(1);
    }
}
