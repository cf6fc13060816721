package dev.rootline.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Where Rootline pulls logs from, besides what is pushed to it. Every key can be set from the environment: {@code ROOTLINE_SOURCES_...}.
 */
@ConfigMapping(prefix = "rootline.sources")
public interface SourcesConfig {

    /**
     * Cloud Logging API sources by name, e.g. {@code rootline.sources.logging.prod.project=my-project}. Each
     * tails the project's entries that match its filter; the first poll backfills one overlap window.
     */
    Map<String, LoggingSource> logging();

    /**
     * The Logging API endpoint, {@code host:port}; unset, Google's. For a private endpoint, or a local fake
     * with {@code logging-plaintext}.
     */
    Optional<String> loggingEndpoint();

    /** Talk to {@code logging-endpoint} without TLS or credentials: only for a local fake or emulator. */
    @WithDefault("false")
    boolean loggingPlaintext();

    /**
     * Pub/Sub subscriptions read by streaming pull, by name, e.g.
     * {@code rootline.sources.pubsub.sink.subscription=projects/my-project/subscriptions/rootline}. A message
     * is acknowledged once its entry is stored (or quarantined), and nacked, to come again, on a failure.
     */
    Map<String, PubSubSource> pubsub();

    /** The Pub/Sub endpoint, {@code host:port}; unset, Google's. For the emulator, with {@code pubsub-plaintext}. */
    Optional<String> pubsubEndpoint();

    /** Talk to {@code pubsub-endpoint} without TLS or credentials: only for the emulator. */
    @WithDefault("false")
    boolean pubsubPlaintext();

    /**
     * How long a replica holds a Cloud Logging pull source without renewing it. One replica at a time polls each
     * source; when it dies, another takes the source over this long after its last renewal.
     */
    @WithDefault("30s")
    @DurationMin(seconds = 3)
    Duration leaseDuration();

    interface PubSubSource {

        /** The subscription's full name, {@code projects/<project>/subscriptions/<subscription>}. */
        String subscription();

        /** Messages received but not yet acknowledged, at most: Pub/Sub holds back the rest. */
        @WithDefault("1000")
        @Positive
        long maxOutstanding();

        /** Threads storing received messages; their writes share the store's group commit. */
        @WithDefault("8")
        @Positive
        int threads();
    }

    interface LoggingSource {

        /** The Google Cloud project whose logs are read. */
        String project();

        /** A Logging query language filter, e.g. {@code resource.type="cloud_run_revision" severity>=DEFAULT}. */
        Optional<String> filter();

        /** How long to wait between polls once caught up. */
        @WithDefault("5s")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /**
         * How far before the checkpoint each poll reads again, to catch entries that reach the API late; the
         * store's dedup makes the re-read free.
         */
        @WithDefault("2m")
        Duration overlap();

        /** Entries per page (the API's maximum is 1000). */
        @WithDefault("1000")
        @Min(1)
        @Max(1000)
        int pageSize();
    }
}
