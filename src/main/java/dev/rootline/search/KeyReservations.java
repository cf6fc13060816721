package dev.rootline.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of entries accepted but not yet visible to the index reader, so that dedup sees them. Each key carries the
 * log sequence of its append; once a reader opened after that sequence was indexed, the key is dropped.
 */
final class KeyReservations {

    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final Map<String, Long> keys = new ConcurrentHashMap<>();

    /** True when the key was free and is now reserved by the caller. */
    boolean reserve(String key) {
        return keys.putIfAbsent(key, IN_FLIGHT) == null;
    }

    void assign(String key, long sequence) {
        keys.put(key, sequence);
    }

    void release(String key) {
        keys.remove(key);
    }

    /** Drops the keys that a reader covering every append up to {@code sequence} can see. */
    void visibleUpTo(long sequence) {
        keys.values().removeIf(s -> s <= sequence);
    }
}
