package dev.rootline.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The good LogEntries mutations start from: our own fixtures, and the real exports where ../shared is. */
final class Seeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Seeds() {}

    static List<ObjectNode> all() {
        List<ObjectNode> seeds = new ArrayList<>(own());
        if (Files.isDirectory(SharedData.ROOT.resolve("corpus"))) {
            for (Path file : SharedData.entryFiles()) {
                SharedData.entries(file).stream()
                        .filter(JsonNode::isObject)
                        .limit(200)
                        .forEach(e -> seeds.add((ObjectNode) e));
            }
        }
        return seeds;
    }

    /** One entry of each shape Rootline reads, written for the fuzzer. */
    private static List<ObjectNode> own() {
        List<String> entries = List.of(
                Entries.stderr(
                        "fuzz-svc",
                        "fuzz-svc-00001-abc",
                        "x",
                        "2025-09-16T00:41:13.084505Z",
                        "i-1",
                        "[2025-09-16 00:41:13 +0000] [13] [ERROR] Worker (pid:14) exited with code 3"),
                Entries.stderr(
                        "fuzz-svc",
                        "fuzz-svc-00001-abc",
                        "x",
                        "2025-09-16T00:41:13.1Z",
                        "i-1",
                        "Traceback (most recent call last):\n  File \"app.py\", line 3\nValueError: bad"),
                """
                {"insertId":"x","timestamp":"2025-09-16T00:41:14Z","severity":"ERROR",
                 "logName":"projects/p/logs/run.googleapis.com%2Fstdout",
                 "jsonPayload":{"message":"DATABASE_HOST validation failed: required","level":"error"},
                 "labels":{"instanceId":"i-2"},
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"fuzz-json","revision_name":"fuzz-json-1"}}}""",
                """
                {"insertId":"x","timestamp":"2025-09-16T00:41:15Z","severity":"WARNING",
                 "httpRequest":{"requestMethod":"GET","requestUrl":"https://x.run.app/health","status":503,
                                "latency":"37.9s","responseSize":"12","cacheHit":false},
                 "trace":"projects/p/traces/abc","spanId":"0001","traceSampled":true,
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"fuzz-http","revision_name":"fuzz-http-1"}}}""",
                """
                {"insertId":"x","timestamp":"2025-09-16T00:41:16Z","textPayload":"Back-off restarting failed container",
                 "sourceLocation":{"file":"kubelet.go","line":"120"},"operation":{"id":"op","first":true},
                 "resource":{"type":"k8s_container","labels":{"namespace_name":"prod","container_name":"api",
                   "pod_name":"api-7d9-x"}}}""",
                """
                {"insertId":"x","timestamp":"2025-09-16T00:41:17Z","severity":"CRITICAL",
                 "protoPayload":{"status":{"message":"Memory limit of 512 MiB exceeded"},"methodName":"v1.run"},
                 "resource":{"type":"gae_app","labels":{"module_id":"default","version_id":"v7"}}}""");
        List<ObjectNode> nodes = new ArrayList<>();
        for (String entry : entries) {
            try {
                nodes.add((ObjectNode) JSON.readTree(entry));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nodes;
    }
}
