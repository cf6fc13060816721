package dev.rootline.incident;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.MatchedEvent;
import dev.rootline.engine.signature.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest batch brings to one service: the signals correlation stores, the progress lines, and the span
 * and readiness of each revision seen. Noise is dropped here; ready lines only mark their revision ready, and
 * progress lines only move their revision's progress on (merging it again changes nothing, so they need no row).
 */
record ServiceBatch(Scope scope, Map<String, RevisionSpan> revisions, List<Signal> signals, List<Signal> progress) {

    /** A revision's event-time span in this batch, and its first ready line if any. */
    record RevisionSpan(long firstNanos, long lastNanos, Long readyNanos) {

        RevisionSpan with(long nanos, boolean ready) {
            Long readyAt = ready && (readyNanos == null || nanos < readyNanos) ? Long.valueOf(nanos) : readyNanos;
            return new RevisionSpan(Math.min(firstNanos, nanos), Math.max(lastNanos, nanos), readyAt);
        }
    }

    /** The batch split by service, in service name order (the order locks are taken in). */
    static Map<String, ServiceBatch> group(List<MatchedEvent> events) {
        Map<String, ServiceBatch> byService = new TreeMap<>();
        for (MatchedEvent stored : events) {
            LogEvent event = stored.event();
            Scope scope = event.scope();
            if (scope.service().isEmpty()) {
                continue; // nothing to correlate it with: it stays searchable
            }
            ServiceBatch batch = byService.computeIfAbsent(
                    scope.service(),
                    s -> new ServiceBatch(scope, new TreeMap<>(), new ArrayList<>(), new ArrayList<>()));
            batch.add(stored);
        }
        return byService;
    }

    /** The earliest event time of the batch, over its revisions. */
    long firstNanos() {
        return revisions.values().stream()
                .mapToLong(RevisionSpan::firstNanos)
                .min()
                .orElseThrow();
    }

    long lastNanos() {
        return revisions.values().stream()
                .mapToLong(RevisionSpan::lastNanos)
                .max()
                .orElseThrow();
    }

    private void add(MatchedEvent stored) {
        LogEvent event = stored.event();
        boolean ready = false;
        for (Match match : stored.matches()) {
            Role role = match.signature().definition().role();
            ready |= role == Role.READY;
            if (role == Role.PROGRESS) {
                progress.add(Signal.of(match));
            } else if (role != Role.READY && role != Role.NOISE) {
                signals.add(Signal.of(match));
            }
        }
        if (stored.matches().isEmpty() && Signal.isUnknownError(event)) {
            signals.add(Signal.unknown(event));
        }
        long t = event.timeNanos();
        boolean isReady = ready;
        revisions.merge(
                event.scope().version(), new RevisionSpan(t, t, ready ? t : null), (a, b) -> a.with(t, isReady));
    }
}
