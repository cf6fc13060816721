package dev.rootline.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of entries appended but not yet visible to the index reader, so that {@link LogStore#held} answers for
 * every acknowledged entry without reopening the reader on each append. Each key carries the log sequence of its
 * append and its event's time; once a reader opened after that sequence was indexed, the key is dropped.
 */
final class PendingKeys {

    private record Pending(long sequence, long timeNanos) {}

    private final Map<String, Pending> keys = new ConcurrentHashMap<>();

    /** Every member of the events, appended at {@code sequence}. */
    void add(List<LogStore.StoredEvent> events, long sequence) {
        for (LogStore.StoredEvent stored : events) {
            Pending pending = new Pending(sequence, stored.event().timeNanos());
            stored.event().memberKeys().forEach(key -> keys.put(key, pending));
        }
    }

    boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** The time the entry's event was stored with, while no reader sees it yet; else null. */
    Long storedTime(String key) {
        Pending p = keys.get(key);
        return p == null ? null : p.timeNanos();
    }

    /** Forgets every key: the index is reopened, and its replay adds again what it stores. */
    void clear() {
        keys.clear();
    }

    /** Drops the keys that a reader covering every append up to {@code sequence} can see. */
    void visibleUpTo(long sequence) {
        keys.values().removeIf(p -> p.sequence() <= sequence);
    }
}
