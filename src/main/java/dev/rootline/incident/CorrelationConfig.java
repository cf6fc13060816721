package dev.rootline.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Root-cause correlation (docs/architecture.md, "Root-cause analysis"). Every key can be set from the environment: {@code ROOTLINE_CORRELATION_...}.
 */
@ConfigMapping(prefix = "rootline.correlation")
public interface CorrelationConfig {

    /**
     * Whether ingest correlates entries into incidents. Off, Rootline is a log store and search only (and the
     * benchmarks measure what correlation costs).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How much event time may pass between a cause and what it explains, and the longest quiet gap within one
     * episode of errors.
     */
    @WithDefault("120s")
    @DurationMin(millis = 1)
    Duration window();

    /**
     * Lines this close in event time count as logged together: separate streams and processes reorder them, so
     * a cause may be logged just after what it explains, and among such lines the one that names what went
     * wrong is the root rather than a summary of it.
     */
    @WithDefault("100ms")
    Duration clockSkew();

    /**
     * How much event time one chain may span, from its root to its last effect. A batch re-examines this much
     * before and after its entries: a new entry can change the chains this far after it, and needs the
     * signals this far before it. Real chains span seconds; a longer span costs every batch more.
     */
    @WithDefault("4m")
    @DurationMin(millis = 1)
    Duration maxChainSpan();

    /**
     * How many recent signals (about half a kilobyte each) correlation keeps in memory across services, so that
     * a batch need not read the chain span before it back from the database. A service's are used only while
     * its row says no other process correlated it since; the least recently correlated services are dropped
     * first. 0: every batch reads its context from the database.
     */
    @WithDefault("100000")
    @PositiveOrZero
    int recentSignals();

    /**
     * How long a service's recent signals stay in memory after its last batch. A service quiet for longer has them
     * read back from the database when it next sends: one read of its chain span, while a crash storm's window,
     * kept, is tens of megabytes that a small heap carries long after the storm.
     */
    @WithDefault("1m")
    @DurationMin(millis = 1)
    Duration recentIdle();
}
