package dev.rootline.engine.rca;

import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Signals of the bundled signatures, for engine tests: one revision, times in seconds. */
final class Signals {

    static final String REVISION = "shop-00001-abc";
    private static final Map<String, SignatureDefinition> BUNDLED = BundledSignaturesTest.byId();

    private Signals() {}

    static Signal at(int seconds, String signatureId, String instance) {
        return at(seconds, signatureId, instance, Map.of());
    }

    static Signal at(int seconds, String signatureId, String instance, Map<String, String> fields) {
        return atMillis(seconds * 1000L, signatureId, instance, fields);
    }

    static Signal atMillis(long millis, String signatureId, String instance, Map<String, String> fields) {
        SignatureDefinition definition = BUNDLED.get(signatureId);
        if (definition == null) {
            throw new IllegalArgumentException("no bundled signature " + signatureId);
        }
        return new Signal(
                signatureId + "@" + millis + instance,
                "id-" + millis,
                millis * 1_000_000L,
                REVISION,
                instance,
                definition,
                fields,
                signatureId + " line",
                Familiarity.SEEN);
    }

    static Signal unknown(int seconds, String instance, String message) {
        return unknownAtMillis(seconds * 1000L, instance, message);
    }

    static Signal unknownAtMillis(long millis, String instance, String message) {
        return new Signal(
                "unknown@" + millis + instance,
                "id-" + millis,
                millis * 1_000_000L,
                REVISION,
                instance,
                null,
                Map.of(),
                message,
                Familiarity.SEEN);
    }

    /**
     * Lines of signatures that explain one another in many ways, in two revisions and on four instances or none,
     * mostly close together with a quiet gap now and then; one in {@code unknownOneIn} an unknown error (0: none).
     */
    static List<Signal> randomSpan(Random random, int size, int unknownOneIn) {
        List<String> ids = List.of(
                "python.module-not-found",
                "python.exception",
                "config.validation-failed",
                "config.environment-invalid-summary",
                "gunicorn.worker-timeout",
                "gunicorn.worker-exit",
                "gunicorn.boot-failed",
                "cloudrun.container-exit",
                "cloudrun.port-not-listening",
                "cloudrun.startup-probe-failed",
                "cloudrun.request-failed",
                "cloudrun.revision-not-ready",
                "app.listening-on-port");
        List<Signal> span = new ArrayList<>();
        long millis = 0;
        for (int k = 0; k < size; k++) {
            millis += random.nextInt(4) == 0 ? random.nextInt(60_000) : random.nextInt(150);
            String instance = random.nextInt(5) == 0 ? "" : "i" + random.nextInt(4);
            Signal s = unknownOneIn > 0 && random.nextInt(unknownOneIn) == 0
                    ? unknownAtMillis(millis, instance, "TypeError: x is undefined")
                    : atMillis(
                            millis,
                            ids.get(random.nextInt(ids.size())),
                            instance,
                            Map.of("var", "V" + random.nextInt(2), "port", "808" + random.nextInt(2)));
            span.add(random.nextBoolean() ? s : inRevision(s, "shop-00002-def"));
        }
        return span;
    }

    /** The same signal, logged by another revision. */
    static Signal inRevision(Signal s, String revision) {
        return new Signal(
                s.entryKey() + revision,
                s.insertId(),
                s.timeNanos(),
                revision,
                s.instance(),
                s.signature(),
                s.fields(),
                s.message(),
                s.familiarity());
    }
}
