package dev.rootline.incident;

import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.BundledSignaturesTest;
import java.util.Map;

/** Signals of the bundled signatures for the write path's tests: one revision and instance, times in seconds. */
final class TestSignals {

    static final long SECOND = 1_000_000_000L;

    private TestSignals() {}

    static Signal signal(int seconds, String signatureId) {
        return signal(seconds, signatureId, Map.of());
    }

    static Signal signal(int seconds, String signatureId, Map<String, String> fields) {
        return new Signal(
                signatureId + "@" + seconds,
                "id-" + seconds,
                seconds * SECOND,
                "shop-00001-abc",
                "i1",
                BundledSignaturesTest.byId().get(signatureId),
                fields,
                signatureId + " line",
                Familiarity.SEEN);
    }
}
