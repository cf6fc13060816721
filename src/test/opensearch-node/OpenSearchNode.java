import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node for the tests, in a JVM of its own: {@code java -cp <classpath> OpenSearchNode.java <home>
 * <http port> <transport port>}. Single-node discovery on loopback, the HTTP and transport modules, and reindex
 * (delete-by-query). It runs until the JVM is killed; the test suite kills it when it ends.
 */
public class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("cluster.name", "rootline-test")
                .put("node.name", "rootline-test-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                // a build machine's disk may be fuller than production's watermarks allow
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Node node = new Node(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "rootline-test-node"),
                List.of(Netty4Plugin.class, ReindexPlugin.class),
                true) {};
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // the JVM is going down anyway
            }
        }));
        Thread.currentThread().join();
    }
}
