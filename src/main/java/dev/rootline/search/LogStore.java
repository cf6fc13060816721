package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.Match;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Every accepted entry, durable and searchable. The node's own store: a cluster can put OpenSearch behind this
 * interface later (docs/architecture.md, "Data").
 */
public interface LogStore {

    /**
     * Stores the entries not stored before and returns once they are durable. Each LogEntry is counted once: as
     * accepted the first time, as a duplicate after that, across restarts. Only new entries are joined into
     * events (tracebacks), so no entry is ever stored twice.
     */
    AppendResult append(List<LogEvent> entries, long receivedNanos) throws IOException;

    SearchPage search(SearchQuery query) throws IOException;

    /** The entries around one entry on the same instance, in time order, or empty when the key is unknown. */
    Optional<EntryContext> context(String key, int before, int after) throws IOException;

    /** Deletes what arrived before the cutoff; returns how many events were deleted. */
    long deleteReceivedBefore(long cutoffNanos) throws IOException;

    /** Why the store can take and serve nothing now, or empty while it works. */
    Optional<String> unavailable();

    /**
     * What an append did: entry counts, and every (joined) event of the append with its signature matches, the
     * duplicates' included, so that whatever follows the store can finish work a failed earlier attempt left.
     */
    record AppendResult(int accepted, int duplicates, List<StoredEvent> events) {}

    /** An event as stored, with the signatures it matched when it was stored. */
    record StoredEvent(LogEvent event, List<Match> matches) {}

    record EntryContext(List<StoredEntry> before, StoredEntry entry, List<StoredEntry> after) {}
}
