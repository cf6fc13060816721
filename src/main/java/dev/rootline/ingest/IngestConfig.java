package dev.rootline.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Ingest limits and normalisation. Every key can be set from the environment: {@code ROOTLINE_INGEST_...}.
 */
@ConfigMapping(prefix = "rootline.ingest")
public interface IngestConfig {

    /** Largest request body accepted, compressed or not; larger bodies get 413. */
    @WithDefault("32M")
    MemorySize maxBodySize();

    /** Pieces of one traceback further apart than this (event time) are not joined. */
    @WithDefault("10ms")
    Duration tracebackJoinWindow();

    /**
     * How many bytes of request bodies (counted after gzip) may be in ingest at once; beyond it a request waits
     * up to two seconds, then gets 503 with Retry-After. Storing a body takes several times its size in heap,
     * so this is what keeps concurrent large bodies from running the heap out. Unset: an eighth of the
     * maximum heap, and never less than {@code max-body-size}.
     */
    Optional<MemorySize> maxBytesInFlight();
}
