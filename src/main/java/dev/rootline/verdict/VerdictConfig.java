package dev.rootline.verdict;

import dev.rootline.engine.signature.SignatureSeverity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Revision verdicts for pipelines (docs/architecture.md, "Verdicts"). Every key can be set from the environment:
 * {@code ROOTLINE_VERDICT_...}.
 */
@ConfigMapping(prefix = "rootline.verdict")
public interface VerdictConfig {

    /** How long a revision must stay ready, with no incident failing it, to pass. */
    @WithDefault("2m")
    @DurationMin(seconds = 0)
    Duration settle();

    /**
     * The least severity of an incident that fails the revision it opened, was uncovered or regressed in:
     * {@code critical}, {@code high}, {@code medium}, {@code low} or {@code info}.
     */
    @WithDefault("high")
    SignatureSeverity failSeverity();

    /** The longest a verdict request may wait; a longer {@code wait} is cut to it. */
    @WithDefault("15m")
    @DurationMin(seconds = 0)
    @DurationMax(hours = 1)
    Duration maxWait();
}
