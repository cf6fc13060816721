package dev.rootline.source;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each source is doing, for its health check and its metrics ({@code rootline.source.entries} counts entries
 * new to the store, {@code rootline.source.errors} failures by code), whatever kind of source it is.
 */
@ApplicationScoped
class SourceStates {

    /**
     * A source's state; {@code entries} counts those new to the store, {@code standby} says another replica holds
     * its lease and polls it.
     */
    record State(boolean healthy, long entries, String lastError, long failures, boolean standby) {}

    private final MeterRegistry metrics;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    SourceStates(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void started(String source) {
        states.put(source, new State(true, 0, null, 0, false));
    }

    void stored(String source, long entries) {
        metrics.counter("rootline.source.entries", "source", source).increment(entries);
        states.compute(source, (k, s) -> new State(true, s.entries() + entries, null, 0, false));
    }

    /** Another replica polls the source. */
    void standby(String source) {
        states.compute(source, (k, s) -> new State(true, s.entries(), null, 0, true));
    }

    /** Counts a failure; returns how many in a row there have been. */
    long failed(String source, String code, String message) {
        metrics.counter("rootline.source.errors", "source", source, "code", code)
                .increment();
        return states.compute(
                        source, (k, s) -> new State(false, s.entries(), code + ": " + message, s.failures() + 1, false))
                .failures();
    }

    Map<String, State> all() {
        return Map.copyOf(states);
    }
}
