package dev.rootline.ingest;

import dev.rootline.RequiredTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The real Pub/Sub emulator ({@code gcloud beta emulators pubsub start}) on a free port, driven through its REST
 * API. Where gcloud is not installed its tests are skipped, unless {@code ROOTLINE_EMULATOR_TESTS=required} (as in
 * CI) makes that a failure.
 */
public final class PubSubEmulator implements AutoCloseable {

    public static final String PROJECT = "rootline-test";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String endpoint;
    private final String base;

    private PubSubEmulator(Process process, int port) {
        this.process = process;
        this.endpoint = "127.0.0.1:" + port;
        this.base = "http://" + endpoint + "/v1/projects/" + PROJECT;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/gcloud"))
                || Files.isExecutable(Path.of("/usr/lib/google-cloud-sdk/bin/gcloud"));
    }

    /** Skips the calling test where gcloud is missing, or fails it where the emulator is required. */
    public static void assumeInstalled() {
        RequiredTool.assumeInstalled(
                installed(), "ROOTLINE_EMULATOR_TESTS", "the Google Cloud SDK, for gcloud beta emulators pubsub");
    }

    public static PubSubEmulator start() throws Exception {
        assumeInstalled();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        "gcloud", "beta", "emulators", "pubsub", "start", "--host-port=127.0.0.1:" + port, "--quiet")
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plusSeconds(60);
        for (String line = out.readLine(); line != null && Instant.now().isBefore(deadline); line = out.readLine()) {
            if (line.contains("Server started")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "pubsub-emulator-output");
                drain.setDaemon(true);
                drain.start();
                return new PubSubEmulator(process, port);
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("the Pub/Sub emulator did not start");
    }

    /** {@code host:port} of its gRPC and REST API. */
    public String endpoint() {
        return endpoint;
    }

    public void createTopic(String topic) throws Exception {
        call("PUT", "/topics/" + topic, "{}");
    }

    void createPushSubscription(String subscription, String topic, String endpoint) throws Exception {
        call(
                "PUT",
                "/subscriptions/" + subscription,
                "{\"topic\":\"projects/" + PROJECT + "/topics/" + topic
                        + "\",\"ackDeadlineSeconds\":10,\"pushConfig\":{\"pushEndpoint\":\"" + endpoint + "\"}}");
    }

    /** A subscription for pull, with a 10 s ack deadline; returns its full name. */
    public String createPullSubscription(String subscription, String topic) throws Exception {
        call(
                "PUT",
                "/subscriptions/" + subscription,
                "{\"topic\":\"projects/" + PROJECT + "/topics/" + topic + "\",\"ackDeadlineSeconds\":10}");
        return "projects/" + PROJECT + "/subscriptions/" + subscription;
    }

    /** Publishes one message per data string, base64-encoded as the API wants. */
    public void publish(String topic, java.util.List<String> data) throws Exception {
        StringBuilder body = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < data.size(); i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"data\":\"")
                    .append(java.util.Base64.getEncoder()
                            .encodeToString(data.get(i).getBytes(StandardCharsets.UTF_8)))
                    .append("\"}");
        }
        call("POST", "/topics/" + topic + ":publish", body.append("]}").toString());
    }

    private void call(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
