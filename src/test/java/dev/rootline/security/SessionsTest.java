package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final byte[] TOKEN = "the-token".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static Sessions at(Instant now, byte[] token) {
        return new Sessions(token, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSessionHoldsNoTokenAndIsValidUntilItExpires() {
        String session = at(NOW, TOKEN).issue();
        assertThat(session).doesNotContain("the-token");
        assertThat(at(NOW.plus(Duration.ofHours(11)), TOKEN).valid(session)).isTrue();
        assertThat(at(NOW.plus(Duration.ofHours(12)), TOKEN).valid(session)).isFalse();
    }

    @Test
    void anotherTokenATamperedValueOrGarbageIsNotASession() {
        String session = at(NOW, TOKEN).issue();
        assertThat(at(NOW, "rotated".getBytes(StandardCharsets.UTF_8)).valid(session))
                .isFalse();
        // not the last character: its low bits may be padding, which a base64 decoder ignores
        int at = session.length() - 5;
        char tampered = session.charAt(at) == 'A' ? 'B' : 'A';
        assertThat(at(NOW, TOKEN).valid(session.substring(0, at) + tampered + session.substring(at + 1)))
                .isFalse();
        assertThat(at(NOW, TOKEN).valid("the-token")).isFalse();
        assertThat(at(NOW, TOKEN).valid("%%%.%%%")).isFalse();
        assertThat(at(NOW, TOKEN).valid(null)).isFalse();
    }

    @Test
    void everySessionIsDifferent() {
        Sessions sessions = at(NOW, TOKEN);
        assertThat(sessions.issue()).isNotEqualTo(sessions.issue());
    }
}
