package dev.rootline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real exports and samples in ../shared, end to end through POST /api/v1/entries. */
@QuarkusTest
@TestProfile(IsolatedStore.class)
@SharedData.Required
class RealExportsIngestTest {

    /** The 175001 export holds 15 gunicorn boot failures, each logged as 6 entries that form one traceback. */
    private static final int TRACEBACK_FRAGMENTS_JOINED = 15 * 5;

    @Test
    void everyExportIngestsWithoutRejectsAndReplaysAsDuplicates() throws Exception {
        Map<String, Set<String>> distinctByScope = new HashMap<>();
        for (Path file : SharedData.entryFiles()) {
            List<JsonNode> entries = SharedData.entries(file);
            JsonPath reply = Api.ingest(Files.readAllBytes(file));
            assertThat(reply.getInt("rejected")).as(file.toString()).isZero();
            assertThat(reply.getInt("accepted") + reply.getInt("duplicates"))
                    .as(file.toString())
                    .isEqualTo(entries.size());
            for (JsonNode e : entries) {
                if (!e.has("subscription")) {
                    distinctByScope
                            .computeIfAbsent(scopeQuery(e), k -> new HashSet<>())
                            .add(e.path("logName").asText()
                                    + e.path("timestamp").asText()
                                    + e.path("insertId").asText());
                }
            }
        }

        String backend = "resource_type:cloud_run_revision AND service:netra-backend-staging";
        assertThat(distinctByScope.get(backend)).hasSize(1107);
        assertThat(Api.searchTotal(backend)).isEqualTo(1107 - TRACEBACK_FRAGMENTS_JOINED);
        assertThat(Api.searchTotal("\"During handling of the above exception\" AND \"Exception in worker process\""))
                .isEqualTo(15);
        assertThat(Api.searchTotal("resource_type:gce_instance")).isEqualTo(1);
        assertThat(Api.searchTotal("resource_type:k8s_cluster")).isEqualTo(1);
        assertThat(Api.searchTotal("resource_type:test")).isEqualTo(1);
        long total = Api.searchTotal("*:*");

        for (Path file : SharedData.entryFiles()) {
            JsonPath replay = Api.ingest(Files.readAllBytes(file));
            assertThat(replay.getInt("accepted")).as(file.toString()).isZero();
            assertThat(replay.getInt("duplicates"))
                    .isEqualTo(SharedData.entries(file).size());
        }
        assertThat(Api.searchTotal("*:*")).isEqualTo(total);
    }

    private static String scopeQuery(JsonNode entry) {
        JsonNode resource = entry.path("resource");
        String service = resource.path("labels").path("service_name").asText();
        return "resource_type:" + resource.path("type").asText() + (service.isEmpty() ? "" : " AND service:" + service);
    }
}
