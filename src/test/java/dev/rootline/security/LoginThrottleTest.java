package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void afterTheAllowedFailuresAClientWaitsTwiceAsLongEachTime() {
        Ticking clock = new Ticking();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 2; i++) {
            throttle.failed("198.51.100.7");
            assertThat(throttle.wait("198.51.100.7")).isEmpty();
        }
        throttle.failed("198.51.100.7");
        assertThat(throttle.wait("198.51.100.7")).contains(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        throttle.failed("198.51.100.7");
        assertThat(throttle.wait("198.51.100.7")).contains(Duration.ofSeconds(2));
        assertThat(throttle.wait("203.0.113.9"))
                .as("other clients are not slowed")
                .isEmpty();
    }

    @Test
    void theWaitIsCappedAndASuccessForgetsTheFailures() {
        Ticking clock = new Ticking();
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 40; i++) {
            throttle.failed("c");
        }
        assertThat(throttle.wait("c")).contains(LoginThrottle.LONGEST);
        throttle.succeeded("c");
        assertThat(throttle.wait("c")).isEmpty();
    }
}
