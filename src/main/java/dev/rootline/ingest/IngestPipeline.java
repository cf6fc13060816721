package dev.rootline.ingest;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.MatchedEvent;
import dev.rootline.search.LogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Ingest's stages after parsing, each one small class: dedup, join tracebacks, match signatures, store. Only new
 * entries are joined and stored, so no entry is stored twice; duplicates are joined and matched too, as they were
 * stored, because correlation must still see an entry re-sent after a failure (it ignores what it already holds).
 * Correlation, the last stage, is the caller's.
 */
public final class IngestPipeline {

    private final Dedup dedup;
    private final UnaryOperator<List<LogEvent>> join;
    private final EventMatcher matcher;
    private final LogStore store;

    /**
     * @param join       traceback joining ({@link dev.rootline.engine.event.TracebackJoiner})
     * @param signatures the signatures an event matches
     */
    public IngestPipeline(
            LogStore store, UnaryOperator<List<LogEvent>> join, Function<LogEvent, List<Match>> signatures) {
        this.dedup = new Dedup(store);
        this.join = join;
        this.matcher = new EventMatcher(signatures);
        this.store = store;
    }

    /** What a run did: entry counts, and every event of the request with its matches, duplicates included. */
    public record Ingested(int accepted, int duplicates, List<MatchedEvent> events) {}

    /** Stores the new entries durably, all or nothing, and returns once they are. */
    public Ingested run(List<LogEvent> entries, long receivedNanos) throws IOException {
        List<MatchedEvent> events = new ArrayList<>();
        List<LogEvent> duplicates = new ArrayList<>();
        int accepted = 0;
        int alreadyStored = 0;
        for (List<LogEvent> unsettled = entries; !unsettled.isEmpty(); ) {
            try (Dedup.Claim claim = dedup.claim(unsettled, receivedNanos)) {
                List<MatchedEvent> fresh = matcher.match(join.apply(claim.fresh()));
                Set<String> storedByOthers = store.append(stored(fresh), receivedNanos);
                claim.stored();
                events.addAll(fresh);
                int storedFirstElsewhere = entryCount(fresh, storedByOthers);
                accepted += claim.fresh().size() - storedFirstElsewhere;
                alreadyStored += storedFirstElsewhere;
                unsettled = claim.settle();
                duplicates.addAll(claim.duplicates());
            }
        }
        if (!duplicates.isEmpty()) {
            events.addAll(matcher.match(join.apply(asStored(duplicates, receivedNanos))));
        }
        return new Ingested(accepted, duplicates.size() + alreadyStored, events);
    }

    /** How many entries the events with these keys stand for: another replica stored them first. */
    private static int entryCount(List<MatchedEvent> events, Set<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return events.stream()
                .filter(e -> keys.contains(e.event().key()))
                .mapToInt(e -> e.event().entryCount())
                .sum();
    }

    private static List<LogStore.StoredEvent> stored(List<MatchedEvent> events) {
        return events.stream()
                .map(e -> new LogStore.StoredEvent(e.event(), e.signatureIds()))
                .toList();
    }

    /**
     * Re-sent entries as they were stored. One that has neither timestamp nor receiveTimestamp took this arrival's
     * time; it gets back the time it was stored with, which is where correlation holds it. Any other entry's key
     * fixes its time.
     */
    private List<LogEvent> asStored(List<LogEvent> duplicates, long receivedNanos) throws IOException {
        List<LogEvent> stored = new ArrayList<>(duplicates.size());
        for (LogEvent entry : duplicates) {
            stored.add(
                    entry.timeNanos() == receivedNanos
                            ? entry.withTime(store.storedTime(entry.key()).orElse(entry.timeNanos()))
                            : entry);
        }
        return stored;
    }
}
