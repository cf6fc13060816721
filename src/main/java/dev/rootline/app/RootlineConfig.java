package dev.rootline.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of the whole process; each feature has its own mapping beside its code ({@code IngestConfig},
 * {@code CorrelationConfig}, {@code SlackAlertsConfig}, ...). Every key can be set from the environment, e.g.
 * {@code ROOTLINE_DATA_DIR}.
 */
@ConfigMapping(prefix = "rootline")
public interface RootlineConfig {

    /** Directory that holds the embedded H2 database and the Lucene log index. */
    @WithDefault("./data")
    String dataDir();

    /**
     * Bearer token that every {@code /api/**} call except Pub/Sub push must present. Unset: the API is open,
     * which suits a laptop, not a network.
     */
    Optional<String> apiToken();

    /**
     * A directory of extra signature files ({@code *.yaml}), loaded after the bundled packs and reloaded when
     * they change.
     */
    Optional<String> signaturesDir();

    /**
     * Signature ids to leave out, bundled or not: a pack's signature that does not fit your services. What they
     * explained is then explained by nothing, and Rootline falls back on unknown errors and their templates.
     */
    Optional<Set<String>> signaturesDisabled();

    /** How often {@code signatures-dir} is checked for changed files. */
    @WithDefault("2s")
    Duration signaturesReloadInterval();

    /** Where people reach this Rootline, for the links in alerts. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
