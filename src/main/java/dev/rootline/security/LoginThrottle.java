package dev.rootline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rootline.app.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down guessing: after {@code attempts} failed sign-ins a client waits before it may try again, twice as
 * long after each further failure, up to {@link #LONGEST}; a success forgets its failures. Clients are kept for a
 * day at most, and only the most recent {@link #CLIENTS} of them.
 */
final class LoginThrottle {

    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final int CLIENTS = 10_000;

    private record Failures(int count, Instant until) {}

    private final Cache<String, Failures> clients = Caffeine.newBuilder()
            .maximumSize(CLIENTS)
            .expireAfterWrite(Duration.ofDays(1))
            .build();
    private final int attempts;
    private final Backoff backoff;
    private final Clock clock;

    LoginThrottle(int attempts, Duration first, Clock clock) {
        this.attempts = attempts;
        this.backoff = new Backoff(first, LONGEST);
        this.clock = clock;
    }

    /** How long the client must still wait before its next attempt, if at all. */
    Optional<Duration> wait(String client) {
        Failures f = clients.getIfPresent(client);
        Instant now = clock.instant();
        return f == null || !f.until().isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, f.until()));
    }

    void failed(String client) {
        clients.asMap().compute(client, (c, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = count < attempts ? Instant.MIN : clock.instant().plus(backoff.after(count - attempts + 1));
            return new Failures(count, until);
        });
    }

    void succeeded(String client) {
        clients.invalidate(client);
    }
}
