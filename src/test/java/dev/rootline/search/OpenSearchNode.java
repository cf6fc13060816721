package dev.rootline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * A real OpenSearch 2.19 node for the tests, started once per test JVM in a JVM of its own (the launcher and its
 * Maven project are in {@code src/test/opensearch-node}; the build writes the node's classpath) and killed when the
 * tests end. Each test takes indices of its own by prefix, so tests never see each other's entries.
 */
public final class OpenSearchNode {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static URI url;

    private OpenSearchNode() {}

    /** The node's HTTP address, starting it on first use. */
    public static synchronized URI url() {
        if (url == null) {
            try {
                url = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    /** A prefix no other test in this JVM uses. */
    public static String freshPrefix() {
        return "t" + ProcessHandle.current().pid() + "-" + PREFIXES.incrementAndGet();
    }

    /** The store's configuration for the node under this prefix; no replicas on a one-node cluster. */
    public static StoreConfig.OpenSearch config(String prefix) {
        return new Settings(List.of(url()), prefix);
    }

    private record Settings(List<URI> hosts, String indexPrefix) implements StoreConfig.OpenSearch {

        @Override
        public Optional<String> username() {
            return Optional.empty();
        }

        @Override
        public Optional<String> password() {
            return Optional.empty();
        }

        @Override
        public int shards() {
            return 1;
        }

        @Override
        public int replicas() {
            return 0;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(30);
        }
    }

    /** A store on the node, as a replica opens it. */
    public static OpenSearchLogStore store(String prefix) {
        StoreConfig.OpenSearch config = config(prefix);
        OpenSearchClient client = OpenSearchClients.open(config);
        return new OpenSearchLogStore(client, config);
    }

    private static URI start() throws IOException, InterruptedException {
        Path project = Path.of(System.getProperty("opensearch-node.dir", "src/test/opensearch-node"));
        Path classpath = Path.of("target", "opensearch-node.classpath");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(
                    classpath + " is missing: the build writes it (./mvnw process-test-resources)");
        }
        Path home = Files.createTempDirectory("rootline-opensearch");
        int http = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                Files.readString(classpath).strip(),
                project.resolve("OpenSearchNode.java").toString(),
                home.toString(),
                Integer.toString(http),
                Integer.toString(freePort())));
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(Path.of("target"))
                        .resolve("opensearch-node.log")
                        .toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::destroyForcibly));
        URI address = URI.create("http://127.0.0.1:" + http);
        awaitGreen(node, address);
        return address;
    }

    private static void awaitGreen(Process node, URI address) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(
                        address.resolve("/_cluster/health?wait_for_status=green&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("the OpenSearch node exited (" + node.exitValue()
                        + "); its output is in target/opensearch-node.log");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        node.destroyForcibly();
        throw new IllegalStateException("the OpenSearch node did not come up in " + START_TIMEOUT.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
