package dev.rootline.app;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Rootline's own settings. Every key can be set from the environment, e.g. {@code ROOTLINE_DATA_DIR}. */
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

    /** How often {@code signatures-dir} is checked for changed files. */
    @WithDefault("2s")
    Duration signaturesReloadInterval();

    /** Ingest limits and normalisation. */
    Ingest ingest();

    /** The Lucene log store. */
    Store store();

    /** Root-cause correlation. */
    Correlation correlation();

    interface Ingest {

        /** Largest request body accepted, compressed or not; larger bodies get 413. */
        @WithDefault("32M")
        MemorySize maxBodySize();

        /** Pieces of one traceback further apart than this (event time) are not joined. */
        @WithDefault("10ms")
        Duration tracebackJoinWindow();
    }

    interface Store {

        /** How long an entry is kept after it arrived; older entries are deleted on a schedule. */
        @WithDefault("14d")
        Duration retention();

        /** Largest page a search returns, whatever {@code limit} asks for. */
        @WithDefault("1000")
        int maxPageSize();
    }

    interface Correlation {

        /**
         * Whether ingest correlates entries into incidents. Off, Rootline is a log store and search only (and the
         * benchmarks measure what correlation costs).
         */
        @WithDefault("true")
        boolean enabled();

        /** How much event time may pass between a cause and what it explains (DESIGN §4). */
        @WithDefault("120s")
        Duration window();

        /**
         * How much event time one chain may span, from its root to its last effect. A batch re-examines this much
         * before and after its entries: a new entry can change the chains this far after it, and needs the
         * signals this far before it. Real chains span seconds; a longer span costs every batch more.
         */
        @WithDefault("4m")
        Duration maxChainSpan();
    }
}
