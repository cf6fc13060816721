package dev.rootline.notify;

import dev.rootline.engine.signature.SignatureSeverity;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured routes. Like Alertmanager's tree: an incident goes to every named route that takes it, and to the
 * {@code default} route only when none does. Checked at startup, so a bad route fails the start naming its key.
 */
@Startup
@ApplicationScoped
class AlertRoutes {

    static final String DEFAULT = "default";

    private final List<AlertRoute> named = new ArrayList<>();
    private final Optional<AlertRoute> fallback;

    AlertRoutes(SlackAlertsConfig slack) {
        for (Map.Entry<String, SlackAlertsConfig.Route> e : new TreeMap<>(slack.routes()).entrySet()) {
            String key = "rootline.slack.routes." + e.getKey();
            if (e.getKey().equals(DEFAULT)) {
                throw new IllegalArgumentException(
                        key + ": '" + DEFAULT + "' is the route of rootline.slack.webhook-url");
            }
            SlackAlertsConfig.Route r = e.getValue();
            named.add(new AlertRoute(
                    e.getKey(),
                    AlertRoute.globs(r.services()),
                    r.minSeverity(),
                    webhook(key + ".webhook-url", r.webhookUrl()),
                    r.rateLimit(),
                    r.rateWindow()));
        }
        fallback = slack.webhookUrl()
                .map(url -> new AlertRoute(
                        DEFAULT,
                        AlertRoute.globs("*"),
                        slack.minSeverity(),
                        webhook("rootline.slack.webhook-url", url),
                        slack.rateLimit(),
                        slack.rateWindow()));
    }

    boolean any() {
        return fallback.isPresent() || !named.isEmpty();
    }

    /** The routes an incident's alerts go to. */
    List<AlertRoute> of(String service, SignatureSeverity severity) {
        List<AlertRoute> taken = named.stream().filter(r -> r.takes(service)).toList();
        if (taken.isEmpty()) {
            return fallback.filter(r -> r.takes(service, severity)).stream().toList();
        }
        return taken.stream().filter(r -> r.takes(service, severity)).toList();
    }

    Optional<AlertRoute> named(String name) {
        return DEFAULT.equals(name)
                ? fallback
                : named.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The URL itself is a secret, so the message names the key only. */
    private static URI webhook(String key, String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.isAbsolute()
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, without the URL
        }
        throw new IllegalArgumentException(key + ": not an http(s) URL");
    }
}
