package dev.rootline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The log store: retention and search limits. Every key can be set from the environment: {@code ROOTLINE_STORE_...}.
 */
@ConfigMapping(prefix = "rootline.store")
public interface StoreConfig {

    /** How long an entry is kept after it arrived; older entries are deleted on a schedule. */
    @WithDefault("14d")
    Duration retention();

    /** Largest page a search returns, whatever {@code limit} asks for. */
    @WithDefault("1000")
    @Positive
    int maxPageSize();
}
