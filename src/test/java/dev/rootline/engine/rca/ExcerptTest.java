package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    private static final String TRACEBACK = "Traceback (most recent call last):\n"
            + "  File \"/app/main.py\", line 12, in <module>\n    settings = load()\n".repeat(20)
            + "ValueError: DATABASE_HOST must be a hostname, got ''\n";

    @Test
    void aShortMessageIsKeptWhole() {
        String message = "Worker (pid:7) exited with code 3\nShutting down: Master";
        assertThat(Excerpt.of(message, "exited with code 3")).isEqualTo(message);
    }

    @Test
    void anUnknownTracebackKeepsItsFirstLineAndTheExceptionAtTheEnd() {
        assertThat(Excerpt.of(TRACEBACK, null))
                .isEqualTo("Traceback (most recent call last):\n…\n"
                        + "ValueError: DATABASE_HOST must be a hostname, got ''");
    }

    @Test
    void aMatchKeepsTheLineThatMatched() {
        String excerpt = Excerpt.of(TRACEBACK, "line 12, in <module>");
        assertThat(excerpt)
                .isEqualTo("Traceback (most recent call last):\n…\n  File \"/app/main.py\", line 12, in <module>");
        assertThat(excerpt.length()).isLessThan(TRACEBACK.length() / 10);
    }

    @Test
    void aMatchOnTheFirstLineKeepsThatLineAndMarksTheRest() {
        assertThat(Excerpt.of(TRACEBACK, "most recent call")).isEqualTo("Traceback (most recent call last):\n…");
    }

    @Test
    void oneLongLineIsCut() {
        String line = "x".repeat(5000);
        assertThat(Excerpt.of(line, "xx")).hasSize(1001).endsWith("x…");
    }

    @Test
    void anUnknownErrorIsNamedTheSameFromItsExcerptAsFromItsWholeMessage() {
        String message = "Database connection failed for tenant 8812 at 10:42:07\n" + "  at pool.connect\n".repeat(60);
        Signal whole = Signals.unknown(1, "i1", message);
        Signal stored = Signals.unknown(1, "i1", whole.evidence());
        assertThat(stored.fingerprint()).isEqualTo(whole.fingerprint());
        assertThat(stored.headline()).isEqualTo(whole.headline());
    }

    @Test
    void aJavaTraceIsNamedByItsDeepestCauseFromItsExcerptToo() {
        String message = "Exception in thread \"main\" java.lang.IllegalStateException: startup failed\n"
                + "\tat app.Main.main(Main.java:12)\n".repeat(40)
                + "Caused by: java.net.ConnectException: Connection refused (redis:6379)\n"
                + "\tat java.net.Socket.connect(Socket.java:600)\n".repeat(20);
        Signal whole = Signals.unknown(1, "i1", message);
        Signal stored = Signals.unknown(1, "i1", whole.evidence());
        assertThat(whole.headline()).isEqualTo("java.net.ConnectException: Connection refused (redis:6379)");
        assertThat(stored.headline()).isEqualTo(whole.headline());
        assertThat(stored.fingerprint()).isEqualTo(whole.fingerprint());
    }
}
