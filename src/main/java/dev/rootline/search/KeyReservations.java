package dev.rootline.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of entries accepted but not yet visible to the index reader, so that dedup sees them. Each key carries the
 * log sequence of its append and the entry's time; once a reader opened after that sequence was indexed, the key is
 * dropped.
 */
final class KeyReservations {

    private record Reservation(long sequence, long timeNanos) {}

    private static final Reservation IN_FLIGHT = new Reservation(Long.MAX_VALUE, 0);

    private final Map<String, Reservation> keys = new ConcurrentHashMap<>();

    /** True when the key was free and is now reserved by the caller. */
    boolean reserve(String key) {
        return keys.putIfAbsent(key, IN_FLIGHT) == null;
    }

    void assign(String key, long sequence, long timeNanos) {
        keys.put(key, new Reservation(sequence, timeNanos));
    }

    /** The time the entry was stored with, while it is not visible to the index reader yet; else null. */
    Long storedTime(String key) {
        Reservation r = keys.get(key);
        return r == null || r == IN_FLIGHT ? null : r.timeNanos();
    }

    void release(String key) {
        keys.remove(key);
    }

    /** Forgets every key: the index is reopened, and its replay reserves again what it stores. */
    void clear() {
        keys.clear();
    }

    /** Drops the keys that a reader covering every append up to {@code sequence} can see. */
    void visibleUpTo(long sequence) {
        keys.values().removeIf(r -> r.sequence() <= sequence);
    }
}
