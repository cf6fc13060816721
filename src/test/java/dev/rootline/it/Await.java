package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting on a running app or a fake for a condition, which must hold by the deadline. */
final class Await {

    private Await() {}

    static void until(BooleanSupplier done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).isTrue();
    }
}
