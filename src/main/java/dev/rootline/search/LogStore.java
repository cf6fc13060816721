package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Every accepted entry, durable and searchable: it stores and searches, and nothing else. Parsing, traceback
 * joining, dedup and signature matching happen before it in ingest (docs/architecture.md, "Life of a batch"), so a
 * second implementation (a cluster's OpenSearch) takes events as they are and repeats none of that.
 */
public interface LogStore extends Closeable {

    /**
     * Stores events and returns once they are durable; from then on {@link #held} and {@link #storedTime} see
     * them, and search once it has caught up. Ingest's dedup sends each entry once; a store that other processes
     * write to as well checks again as it stores, and returns the keys of the events one of them had stored first.
     */
    Set<String> append(List<StoredEvent> events, long receivedNanos) throws IOException;

    /**
     * The keys of these entries that the store holds, as the first or a later member of a stored event,
     * everything appended so far included.
     *
     * @param receivedNanos when the entries arrived: an entry without timestamps took it as its time
     */
    Set<String> held(List<LogEvent> entries, long receivedNanos) throws IOException;

    /** The time the event holding this entry was stored with, when the store holds it. */
    OptionalLong storedTime(String key) throws IOException;

    SearchPage search(SearchQuery query) throws IOException;

    /** The entries around one entry on the same instance, in time order, or empty when the key is unknown. */
    Optional<EntryContext> context(String key, int before, int after) throws IOException;

    /** Deletes what arrived before the cutoff; returns how many events were deleted. */
    long deleteReceivedBefore(long cutoffNanos) throws IOException;

    /** Why the store can take and serve nothing now, or empty while it works. */
    Optional<String> unavailable();

    /** What the readiness check shows about the store besides whether it works. */
    Map<String, Object> healthData();

    /** An event as stored: the event and the ids of the signatures it matched, which search can filter on. */
    record StoredEvent(LogEvent event, List<String> signatures) {}

    record EntryContext(List<StoredEntry> before, StoredEntry entry, List<StoredEntry> after) {}
}
