package dev.rootline.engine.rca;

import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.Map;

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
