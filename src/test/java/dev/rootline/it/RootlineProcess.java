package dev.rootline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged application (target/quarkus-app) as a real child process, to be started, killed and restarted. */
final class RootlineProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private RootlineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the jar in {@code workDir} with nothing but a port; on a PostgreSQL build, also the database
     * settings a production deployment would pass.
     */
    static RootlineProcess start(Path workDir) throws Exception {
        return start(workDir, Map.of());
    }

    /** Starts the jar with settings of its own (environment variables) besides. */
    static RootlineProcess start(Path workDir, Map<String, String> settings) throws Exception {
        return start(workDir, settings, List.of());
    }

    /** @param prefix a command the java command runs under, e.g. {@code setpriv} to run as another user */
    static RootlineProcess start(Path workDir, Map<String, String> settings, List<String> prefix) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if ("postgresql".equals(System.getProperty("rootline.db-kind"))) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/rootline_test");
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        }
        String jar = System.getProperty("rootline.runner-jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                Path.of(jar).toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("rootline.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ROOTLINE_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        RootlineProcess app = new RootlineProcess(builder.start(), port);
        app.awaitReady();
        return app;
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Rootline exited with " + process.exitValue());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Rootline did not become ready within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
