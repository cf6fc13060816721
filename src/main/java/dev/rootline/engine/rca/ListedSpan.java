package dev.rootline.engine.rca;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A {@link StoredSpan} of rows read at once: split, filed and indexed only when asked. */
final class ListedSpan implements StoredSpan {

    private final List<StoredMatch> rows;
    private final long fromNanos;
    private List<StoredMatch> recent;
    private FailurePlaces failures;
    private Map<Signal, StoredMatch> bySignal;

    ListedSpan(List<StoredMatch> rows, long fromNanos) {
        this.rows = rows;
        this.fromNanos = fromNanos;
    }

    @Override
    public List<StoredMatch> recent() {
        if (recent == null) {
            recent = rows.stream()
                    .filter(row -> row.signal().timeNanos() >= fromNanos)
                    .toList();
        }
        return recent;
    }

    @Override
    public List<StoredMatch> all() {
        return new ArrayList<>(rows);
    }

    @Override
    public FailurePlaces failures() {
        if (failures == null) {
            failures = FailurePlaces.of(rows.stream().map(StoredMatch::signal).toList());
        }
        return failures;
    }

    @Override
    public long firstNanos() {
        return Long.MIN_VALUE;
    }

    @Override
    public long lastNanos() {
        return Long.MAX_VALUE;
    }

    @Override
    public StoredMatch rowOf(Signal signal) {
        if (bySignal == null) {
            bySignal = new IdentityHashMap<>(2 * rows.size());
            rows.forEach(row -> bySignal.put(row.signal(), row));
        }
        return bySignal.get(signal);
    }
}
