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

    private CrashLoop() {}

    /** Crash loops of one revision: an import error, then the worker exiting 3, each loop on its own instance. */
    static byte[] entries(String service, int fromLoop, int loops) {
        List<String> entries = new ArrayList<>();
        for (int loop = fromLoop; loop < fromLoop + loops; loop++) {
            entries.add(importError(service, loop));
            entries.add(workerExit(service, loop));
        }
        return array(entries);
    }

    /** The import error that starts a loop, at minute {@code loop}. */
    static String importError(String service, int loop) {
        return Entries.stderr(
                service,
                service + "-00001-abc",
                service + "-import-" + loop,
                "2026-04-01T10:%02d:00Z".formatted(loop),
                "instance-" + loop,
                "ModuleNotFoundError: No module named 'app.monitoring'");
    }

    /** The worker exit that ends a loop, a second after its import error. */
    static String workerExit(String service, int loop) {
        return Entries.stderr(
                service,
                service + "-00001-abc",
                service + "-exit-" + loop,
                "2026-04-01T10:%02d:01Z".formatted(loop),
                "instance-" + loop,
                "[2026-04-01 10:00:01 +0000] [1] [ERROR] Worker (pid:7) exited with code 3");
    }

    static byte[] array(List<String> entries) {
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
