package dev.rootline.engine.rca;

import dev.rootline.engine.signature.Role;
import java.util.List;

/**
 * Where a cause that yields hands its root over: a summary (a validator's "N errors", a startup wrapper exception)
 * logged within the clock skew of a line that names what went wrong, on the same instance, gives way to that
 * line, and becomes a step of its chain.
 */
final class Yields {

    private final List<Signal> failures;
    private final List<Signal> errors;
    private final long skewNanos;

    /** @param failures and {@code errors} in event order */
    Yields(List<Signal> failures, List<Signal> errors, long skewNanos) {
        this.failures = failures;
        this.errors = errors;
        this.skewNanos = skewNanos;
    }

    /** The root a chain rooted at {@code cause} has: the first specific line logged with it, else the cause. */
    Signal rootFor(Signal cause) {
        if (!cause.signature().yields()) {
            return cause;
        }
        Signal best = null;
        for (Signal s : near(errors, cause)) {
            if (together(s, cause) && s.kind() == LineKind.SPECIFIC) {
                best = earlier(best, s);
            }
        }
        for (Signal s : near(failures, cause)) {
            if (together(s, cause)
                    && s.is(Role.CAUSE)
                    && !s.signature().yields()
                    && !s.signature().latent()) {
                best = earlier(best, s);
            }
        }
        return best == null ? cause : best;
    }

    /** The signals of a time-ordered list within the skew of the cause: a validator storm has thousands. */
    private List<Signal> near(List<Signal> ordered, Signal cause) {
        return Chains.within(ordered, cause.timeNanos() - skewNanos, cause.timeNanos() + skewNanos);
    }

    private boolean together(Signal s, Signal cause) {
        return Math.abs(s.timeNanos() - cause.timeNanos()) <= skewNanos
                && s.revision().equals(cause.revision())
                && s.instance().equals(cause.instance());
    }

    private static Signal earlier(Signal a, Signal b) {
        return a == null || Correlator.EVENT_ORDER.compare(b, a) < 0 ? b : a;
    }
}
