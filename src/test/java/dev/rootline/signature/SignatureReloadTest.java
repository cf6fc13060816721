package dev.rootline.signature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Signatures on ingest, and hot reload of a signatures directory, through the API. */
@QuarkusTest
@TestProfile(SignatureReloadTest.WithDirectory.class)
class SignatureReloadTest {

    static final Path DIR = createDir();

    public static class WithDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rootline.signatures-dir", DIR.toString(), "rootline.signatures-reload-interval", "0.2s");
        }
    }

    private static final String CUSTOM = """
            - id: custom.disk-full
              title: Disk full on {path}
              category: resource-limit
              role: cause
              severity: critical
              match:
                message: 'No space left on device: ''(?<path>[^'']+)'''
              examples:
                match: ["OSError: [Errno 28] No space left on device: '/tmp/x'", "No space left on device: '/data'"]
                no_match: ['disk usage 40%']
            """;

    @Test
    void storedEntriesCarryTheirSignaturesAndCanBeSearchedByThem() {
        ingest("sig-1", "[2025-09-16 00:41:13 +0000] [13] [ERROR] Worker (pid:14) exited with code 3");
        JsonPath page = given().queryParam("q", "signature:gunicorn.worker-exit AND insertId:sig-1")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getLong("total")).isEqualTo(1);
        assertThat(page.getList("items[0].signatures", String.class)).contains("gunicorn.worker-exit");
        JsonPath signatures = given().get("/api/v1/signatures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(signatures.getString("items.find { it.id == 'gunicorn.worker-exit' }.file"))
                .isEqualTo("signatures/gunicorn.yaml");
        assertThat(signatures.getLong("items.find { it.id == 'gunicorn.worker-exit' }.matchCount"))
                .isPositive();
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("rootline_signature_matches_total\\{signature=\"gunicorn.worker-exit\"} [1-9]");
    }

    @Test
    void anEditedFileIsReloadedAndABrokenEditKeepsThePreviousSet() throws Exception {
        write(CUSTOM);
        await(json -> json.getList("items.id").contains("custom.disk-full"));
        ingest("sig-2", "OSError: [Errno 28] No space left on device: '/var/lib/app'");
        assertThat(Api.searchTotal("signature:custom.disk-full AND insertId:sig-2"))
                .isEqualTo(1);

        write(CUSTOM.replace("(?<path>[^'']+)", "(?<path>[^'']+"));
        JsonPath broken = await(json -> json.getString("reloadError") != null);
        assertThat(broken.getString("reloadError")).contains("custom.yaml:1", "not an RE2 regular expression");
        assertThat(broken.getList("items.id")).contains("custom.disk-full", "gunicorn.worker-exit");
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/health/ready").asString()).contains("reloadError", "custom.yaml");

        write("- ? [complex, key]\n  : value\n");
        JsonPath unloadable = await(json -> json.getString("reloadError") != null
                && json.getString("reloadError").contains("expected a string"));
        assertThat(unloadable.getString("reloadError")).contains("custom.yaml:1");
        assertThat(given().get("/q/health/ready").asString()).contains("expected a string");

        write(CUSTOM.replace("custom.disk-full", "custom.disk-exhausted"));
        JsonPath fixed = await(json -> json.getList("items.id").contains("custom.disk-exhausted"));
        assertThat(fixed.getString("reloadError")).isNull();
        assertThat(fixed.getList("items.id")).doesNotContain("custom.disk-full");
    }

    private static void ingest(String insertId, String text) {
        Api.ingest(("[" + Entries.stderr(insertId, "2025-09-16T00:41:13Z", "sig-instance", text) + "]")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath await(Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonPath json = given().get("/api/v1/signatures")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (condition.test(json) || System.nanoTime() > deadline) {
                return json;
            }
            Thread.sleep(100);
        }
    }

    private static void write(String yaml) throws IOException, InterruptedException {
        Thread.sleep(50); // a distinct modification time, even on coarse clocks: size changes too
        Files.writeString(DIR.resolve("custom.yaml"), yaml);
    }

    private static Path createDir() {
        try {
            return Files.createTempDirectory("rootline-signatures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
