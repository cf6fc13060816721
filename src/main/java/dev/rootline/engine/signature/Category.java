package dev.rootline.engine.signature;

import java.util.Locale;
import java.util.Optional;

/** The fixed taxonomy of failures, written in YAML in kebab case ({@code config-validation}). */
public enum Category {
    CONFIG_VALIDATION,
    SECRETS,
    AUTH,
    DATABASE,
    CACHE,
    ANALYTICS_STORE,
    DEPENDENCY,
    /** Name resolution, TLS and refused connections to whatever the service depends on. */
    NETWORK,
    /** A platform or API quota or rate limit. */
    QUOTA,
    IMPORT_ERROR,
    SYNTAX_ERROR,
    EXCEPTION,
    STARTUP,
    WORKER,
    CONTAINER,
    PROBE,
    RESOURCE_LIMIT,
    REQUEST,
    WEBSOCKET,
    KUBERNETES,
    NOISE,
    /** No signature's: an error line no signature knows, proposed as a root cause with low confidence. */
    UNKNOWN;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Category> ofYamlName(String name) {
        for (Category c : values()) {
            if (c.yamlName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
