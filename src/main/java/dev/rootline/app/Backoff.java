package dev.rootline.app;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits that double with each failure, from {@code first} up to {@code max}: retries of Slack and of pull
 * sources, reopening failed storage, and failed sign-ins all back off the same way.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the given number of consecutive failures (1 for the first). */
    public Duration after(long failures) {
        long millis = first.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        return Duration.ofMillis(Math.min(millis < 0 ? Long.MAX_VALUE : millis, max.toMillis()));
    }

    /** {@link #after} plus up to a fifth more at random, so that many waiters do not retry in step. */
    public Duration withJitter(long failures) {
        long millis = after(failures).toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }
}
