package dev.rootline.incident;

import dev.rootline.app.AfterCommit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What correlation keeps of each recently correlated service between transactions. A value is handed to one
 * transaction at a time ({@link #take}) and comes back only when that transaction commits; a rollback drops it.
 * Once the values' total weight passes the budget, the least recently used services' go first; a service quiet for
 * longer than the idle time loses its value even within the budget (a crash storm's window holds tens of megabytes
 * that nothing reads once the storm is over).
 */
final class KeptPerService<T> {

    private final TransactionSynchronizationRegistry transactions;
    private final int budget;
    private final ToIntFunction<T> weight;
    private final Clock clock;
    private final Duration idle;
    /** In order of use, least recent first. */
    private final Map<String, Kept<T>> kept = new LinkedHashMap<>(16, 0.75f, true);

    static final Duration NEVER_IDLE = ChronoUnit.FOREVER.getDuration();

    private record Kept<T>(T value, Instant at) {}

    /** Drops a service's value once nothing of it has been kept for {@code idle} ({@link #NEVER_IDLE}: never). */
    KeptPerService(
            TransactionSynchronizationRegistry transactions,
            int budget,
            ToIntFunction<T> weight,
            Clock clock,
            Duration idle) {
        this.transactions = transactions;
        this.budget = budget;
        this.weight = weight;
        this.clock = clock;
        this.idle = idle;
    }

    /** The service's value, if kept, no longer kept: it comes back through {@link #keepAfterCommit}. */
    synchronized T take(String service) {
        Kept<T> value = kept.remove(service);
        return value == null ? null : value.value();
    }

    /** Once the current transaction commits, runs {@code committed} and keeps the value. */
    void keepAfterCommit(String service, T value, Runnable committed) {
        AfterCommit.run(transactions, () -> {
            committed.run();
            keep(service, value);
        });
    }

    private synchronized void keep(String service, T value) {
        Instant now = clock.instant();
        kept.put(service, new Kept<>(value, now));
        int total = kept.values().stream()
                .mapToInt(k -> weight.applyAsInt(k.value()))
                .sum();
        Iterator<Kept<T>> eldest = kept.values().iterator();
        while (eldest.hasNext()) {
            Kept<T> next = eldest.next();
            if (total <= budget && Duration.between(next.at(), now).compareTo(idle) < 0) {
                return;
            }
            total -= weight.applyAsInt(next.value());
            eldest.remove();
        }
    }
}
