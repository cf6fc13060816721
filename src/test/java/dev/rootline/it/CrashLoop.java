package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A crash-looping revision as Cloud Run logs it, and reading its incidents back from a running Rootline. */
final class CrashLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrashLoop() {
    }

    /** Crash loops of one revision: an import error, then the worker exiting 3, each loop on its own instance. */
    static byte[] entries(String service, int fromLoop, int loops) {
        List<String> entries = new ArrayList<>();
        for (int loop = fromLoop; loop < fromLoop + loops; loop++) {
            String instance = "instance-" + loop;
            String at = "2026-04-01T10:%02d:00Z".formatted(loop);
            String exitAt = "2026-04-01T10:%02d:01Z".formatted(loop);
            entries.add(Entries.stderr(service, service + "-00001-abc", service + "-import-" + loop, at, instance,
                    "ModuleNotFoundError: No module named 'app.monitoring'"));
            entries.add(Entries.stderr(service, service + "-00001-abc", service + "-exit-" + loop, exitAt, instance,
                    "[2026-04-01 10:00:01 +0000] [1] [ERROR] Worker (pid:7) exited with code 3"));
        }
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode incidents(RootlineProcess app, String service) throws Exception {
        HttpResponse<String> reply = app.get("/api/v1/incidents?service=" + service);
        assertThat(reply.statusCode()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("items");
    }

    static int step(JsonNode incident, String signatureId) {
        for (JsonNode step : incident.get("chain")) {
            if (step.get("signatureId").asText().equals(signatureId)) {
                return step.get("count").asInt();
            }
        }
        return 0;
    }
}
