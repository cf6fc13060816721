package dev.rootline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The log store: where entries are kept, retention and search limits. Every key can be set from the environment:
 * {@code ROOTLINE_STORE_...}.
 */
@ConfigMapping(prefix = "rootline.store")
public interface StoreConfig {

    /**
     * {@code lucene}: an index in {@code rootline.data-dir}, this process's own (the default: nothing to run);
     * {@code opensearch}: a cluster every replica shares (docs/architecture.md, "Replicas").
     */
    @WithDefault("lucene")
    Kind kind();

    /** How long an entry is kept after it arrived; older entries are deleted on a schedule. */
    @WithDefault("14d")
    Duration retention();

    /** Largest page a search returns, whatever {@code limit} asks for. */
    @WithDefault("1000")
    @Positive
    int maxPageSize();

    /**
     * Whether readiness waits until the search route has answered the app's own request once, so that the first
     * client search after a start does not pay for the route's first request ({@code SearchRouteWarmUp}).
     */
    @WithDefault("true")
    boolean warmUpSearch();

    OpenSearch opensearch();

    enum Kind {
        LUCENE,
        OPENSEARCH
    }

    /** The OpenSearch cluster, when {@code kind} is {@code opensearch}. */
    interface OpenSearch {

        /** The nodes' HTTP addresses; the client spreads requests over them. */
        @WithDefault("http://localhost:9200")
        @NotEmpty
        List<URI> hosts();

        /** Basic authentication, when the cluster has its security plugin on. */
        Optional<String> username();

        Optional<String> password();

        /**
         * Names the indices: {@code <prefix>-events-<day>} and {@code <prefix>-members-<day>}. Replicas that share
         * a store share it; two Rootlines on one cluster need two prefixes.
         */
        @WithDefault("rootline")
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a lower-case index name")
        String indexPrefix();

        /** Primary shards of each daily index. */
        @WithDefault("1")
        @Min(1)
        @Max(64)
        int shards();

        /** Copies of each shard on other nodes: with 1, a node's loss loses nothing acknowledged. */
        @WithDefault("1")
        @Min(0)
        int replicas();

        /** The longest any request to the cluster may take before the store counts it as down. */
        @WithDefault("30s")
        Duration timeout();
    }
}
