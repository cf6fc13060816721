package dev.rootline.incident;

import dev.rootline.engine.event.Entries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The layered failure of the root-cause issue, as Cloud Run logs it, for one service:
 * <ol>
 *   <li>revision 1 fails in its WEBSOCKET phase on an invalid UserExecutionContext: the phase-failed line comes
 *       1 ms before the exception it reports, and the worker exits 3;</li>
 *   <li>revision 2 gets past WEBSOCKET, then its validator reports that the configuration is invalid and, 1 ms
 *       later, rejects DATABASE_HOST and DATABASE_PASSWORD: the worker and the container exit 3 and requests fail
 *       with 503;</li>
 *   <li>revision 3 becomes ready;</li>
 *   <li>revision 4 logs the DATABASE_HOST failure again.</li>
 * </ol>
 */
public final class LayeredFailure {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final String service;
    private final Instant t0;
    private final List<List<String>> revisions = new ArrayList<>();

    public LayeredFailure(String service) {
        this(service, T0);
    }

    /** The same failure with revision 1 starting at {@code t0}. */
    public LayeredFailure(String service, Instant t0) {
        this.service = service;
        this.t0 = t0;
        revision(
                1,
                "i-one",
                "🔄 PHASE TRANSITION → DATABASE",
                "🔄 PHASE TRANSITION → WEBSOCKET",
                "❌ PHASE FAILED: WEBSOCKET - startup cannot continue",
                TOGETHER + "app.smd.DeterministicStartupError: WebSocket bridge not created: UserExecutionContext for"
                        + " user default_user is invalid",
                "[2026-03-02 09:00:03 +0000] [13] [ERROR] Worker (pid:14) exited with code 3",
                "Container called exit(3).");
        revision(
                2,
                "i-two",
                "🔄 PHASE TRANSITION → DATABASE",
                "🔄 PHASE TRANSITION → WEBSOCKET",
                "🔄 PHASE TRANSITION → CONFIGURATION",
                "shared.configuration.central_config_validator - ERROR - Configuration validation failed for environment"
                        + " 'staging'. Errors: 2",
                TOGETHER + "shared.configuration.central_config_validator - ERROR - ❌ DATABASE_HOST validation failed:"
                        + " DATABASE_HOST required in staging/production. Cannot be localhost or empty.",
                TOGETHER
                        + "shared.configuration.central_config_validator - ERROR - ❌ DATABASE_PASSWORD validation failed:"
                        + " DATABASE_PASSWORD must be set in staging.",
                "[2026-03-02 09:10:06 +0000] [13] [ERROR] Worker (pid:15) exited with code 3",
                "Container called exit(3).",
                REQUEST_FAILED,
                REQUEST_FAILED,
                REQUEST_FAILED);
        revision(
                3,
                "i-three",
                "🔄 PHASE TRANSITION → DATABASE",
                "🔄 PHASE TRANSITION → WEBSOCKET",
                "🔄 PHASE TRANSITION → CONFIGURATION",
                "INFO:     Application startup complete.");
        revision(
                4,
                "i-four",
                "🔄 PHASE TRANSITION → DATABASE",
                "shared.configuration.central_config_validator - ERROR - ❌ DATABASE_HOST validation failed: DATABASE_HOST"
                        + " required in staging/production. Cannot be localhost or empty.");
    }

    /** Marks a line logged 1 ms after the one before it, as a second stream or process reorders them. */
    private static final String TOGETHER = "\u0000together\u0000";

    static final String REQUEST_FAILED = "The request failed because either the HTTP response was malformed or"
            + " connection to the instance had an error.";

    /** Revision n's name: {@code service-0000n-abc}. */
    public String revision(int n) {
        return "%s-%05d-abc".formatted(service, n);
    }

    /** Revision n's entries (1-based), each a LogEntry's JSON. */
    public List<String> entries(int n) {
        return revisions.get(n - 1);
    }

    /** The insertId of revision n's line i (0-based): unique per service, as identities must be. */
    String insertId(int n, int i) {
        return "%s-r%d-%02d".formatted(service, n, i);
    }

    public List<String> all() {
        return revisions.stream().flatMap(List::stream).toList();
    }

    /** Lines one second apart, or 1 ms where marked {@link #TOGETHER}, ten minutes after the revision before. */
    private void revision(int n, String instance, String... lines) {
        List<String> entries = new ArrayList<>();
        Instant at = t0.plusSeconds(600L * (n - 1));
        for (int i = 0; i < lines.length; i++) {
            boolean together = lines[i].startsWith(TOGETHER);
            at = i == 0 ? at : at.plusMillis(together ? 1 : 1000);
            String text = together ? lines[i].substring(TOGETHER.length()) : lines[i];
            entries.add(Entries.stderr(service, revision(n), insertId(n, i), at.toString(), instance, text));
        }
        revisions.add(entries);
    }

    /**
     * Worker exits at 10 s, 300 s and 400 s of one revision, which open an unexplained incident; then, sent after
     * them, the validator line at 9 s that is the first exit's cause: that exit moves to a new incident, and the
     * later ones, counted under it though more than a chain span after it, follow it there.
     */
    static List<List<String>> lateCause(String service) {
        String revision = service + "-00001-abc";
        java.util.function.BiFunction<Integer, String, String> line = (second, text) -> Entries.stderr(
                service,
                revision,
                service + "-" + second,
                T0.plusSeconds(second).toString(),
                "i-1",
                text);
        String exit = "[2026-03-02 09:00:03 +0000] [13] [ERROR] Worker (pid:14) exited with code 3";
        return List.of(
                List.of(line.apply(10, exit), line.apply(300, exit), line.apply(400, exit)),
                List.of(
                        line.apply(
                                9,
                                "shared.configuration.central_config_validator - ERROR"
                                        + " - ❌ DATABASE_HOST validation failed: DATABASE_HOST required in staging/production.")));
    }

    public static byte[] array(List<String> entries) {
        return ("[" + String.join(",", entries) + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
