package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Timestamps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * Which entries of an append are new: looked up in the index's current reader plus the keys appended but not yet
 * visible to it ({@link KeyReservations}). A caller reserves the new ones, and must either assign them their log
 * sequence once logged or release them, so that a retry of entries never stored is not taken for a duplicate.
 */
final class Dedup {

    private final KeyReservations reservations = new KeyReservations();

    /** The entries neither stored nor being stored, now reserved for the caller. */
    List<LogEvent> reserveFresh(LuceneIndex index, List<LogEvent> entries, long receivedNanos) throws IOException {
        List<LogEvent> reserved = new ArrayList<>(entries.size());
        for (LogEvent entry : entries) {
            if (reservations.reserve(entry.key())) {
                reserved.add(entry);
            }
        }
        if (reserved.isEmpty()) {
            return reserved;
        }
        boolean[] stored;
        IndexSearcher searcher = index.searchers.acquire();
        try {
            stored = StoredKeys.lookUp(searcher, reserved, receivedNanos);
        } catch (IOException | RuntimeException e) {
            release(reserved);
            throw e;
        } finally {
            index.searchers.release(searcher);
        }
        List<LogEvent> fresh = new ArrayList<>(reserved.size());
        for (int i = 0; i < reserved.size(); i++) {
            if (stored[i]) {
                reservations.release(reserved.get(i).key());
            } else {
                fresh.add(reserved.get(i));
            }
        }
        return fresh;
    }

    /** The entries are in the log at this sequence: duplicates until a reader sees them. */
    void assign(List<LogEvent> entries, long sequence) {
        for (LogEvent entry : entries) {
            reservations.assign(entry.key(), sequence, entry.timeNanos());
        }
    }

    void release(List<LogEvent> entries) {
        entries.forEach(entry -> reservations.release(entry.key()));
    }

    /** A reader covering every append up to {@code sequence} is open: its keys need no reservation. */
    void visibleUpTo(long sequence) {
        reservations.visibleUpTo(sequence);
    }

    /** Forgets every reservation: the index is reopened, and its replay reserves again what it stores. */
    void clear() {
        reservations.clear();
    }

    /**
     * Re-sent entries as they were stored. One that has neither timestamp nor receiveTimestamp took this arrival's
     * time; it gets back the time it was stored with, which is where correlation holds it. Any other entry's key
     * fixes its time.
     */
    List<LogEvent> asStored(LuceneIndex index, List<LogEvent> duplicates, long receivedNanos) throws IOException {
        List<LogEvent> stored = new ArrayList<>(duplicates.size());
        for (LogEvent entry : duplicates) {
            stored.add(entry.timeNanos() == receivedNanos ? entry.withTime(storedTime(index, entry)) : entry);
        }
        return stored;
    }

    /** Where the entry is until a reader sees it, else what the index holds; its own time if neither knows it yet. */
    private long storedTime(LuceneIndex index, LogEvent entry) throws IOException {
        Long reserved = reservations.storedTime(entry.key());
        if (reserved != null) {
            return reserved;
        }
        return index.search
                .context(entry.key(), 1, 1)
                .map(c -> Timestamps.nanos(c.entry().timestamp()))
                .orElse(entry.timeNanos());
    }
}
