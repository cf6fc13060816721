package dev.rootline.search;

import dev.rootline.app.RootlineConfig;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Not ready until the search route has answered once, over the HTTP port, as a client would ask. The first request
 * down a route costs the server 100-280 ms (the REST pipeline's classes loaded and run interpreted, the answer's
 * JSON writer built), whatever the store has done to be ready; paid here, it is not paid by the first engineer who
 * searches after a restart (docs/architecture.md, "Guarantees").
 */
@Readiness
@ApplicationScoped
public class SearchRouteWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SearchRouteWarmUp.class);
    private static final String PORT = "quarkus.http.port";
    private static final String PATH = "/api/v1/search?limit=1";

    private final Optional<String> token;
    private final boolean enabled;
    private final boolean httpsOnly;
    private volatile boolean warm;

    SearchRouteWarmUp(
            RootlineConfig rootline,
            StoreConfig store,
            @ConfigProperty(name = "quarkus.http.insecure-requests", defaultValue = "enabled")
                    String insecureRequests) {
        this.token = rootline.apiToken().filter(t -> !t.isBlank());
        this.enabled = store.warmUpSearch();
        this.httpsOnly = insecureRequests.equalsIgnoreCase("disabled");
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        if (enabled) {
            int port = start.options().getPort(); // 0 asked for any free port: Quarkus publishes the one it took
            ask(
                    start.options().getHost(),
                    port != 0 ? port : ConfigProvider.getConfig().getValue(PORT, Integer.class));
        }
        warm = true;
    }

    /** With no plain-HTTP port there is nothing to ask through, short of trusting the server's own certificate. */
    void onHttpsStart(@ObservesAsync HttpsServerStart start) {
        if (httpsOnly) {
            warm = true;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-route")
                .status(warm || !enabled)
                .build();
    }

    private void ask(String host, int port) {
        String address = host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "[::1]" : host;
        var request = HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + PATH))
                .timeout(Duration.ofSeconds(10));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                LOG.debugf("the search route's warm-up answered %d", status);
            }
        } catch (IOException e) {
            LOG.debugf("the search route's warm-up failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
