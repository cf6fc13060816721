package dev.rootline.incident;

import dev.rootline.app.AfterCommit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What correlation keeps of each recently correlated service between transactions. A value is handed to one
 * transaction at a time ({@link #take}) and comes back only when that transaction commits; a rollback drops it.
 * Once the values' total weight passes the budget, the least recently used services' go first.
 */
final class KeptPerService<T> {

    private final TransactionSynchronizationRegistry transactions;
    private final int budget;
    private final ToIntFunction<T> weight;
    /** In order of use, least recent first. */
    private final Map<String, T> kept = new LinkedHashMap<>(16, 0.75f, true);

    KeptPerService(TransactionSynchronizationRegistry transactions, int budget, ToIntFunction<T> weight) {
        this.transactions = transactions;
        this.budget = budget;
        this.weight = weight;
    }

    /** The service's value, if kept, no longer kept: it comes back through {@link #keepAfterCommit}. */
    synchronized T take(String service) {
        return kept.remove(service);
    }

    /** Once the current transaction commits, runs {@code committed} and keeps the value. */
    void keepAfterCommit(String service, T value, Runnable committed) {
        AfterCommit.run(transactions, () -> {
            committed.run();
            keep(service, value);
        });
    }

    private synchronized void keep(String service, T value) {
        kept.put(service, value);
        int total = kept.values().stream().mapToInt(weight).sum();
        Iterator<T> eldest = kept.values().iterator();
        while (total > budget && eldest.hasNext()) {
            total -= weight.applyAsInt(eldest.next());
            eldest.remove();
        }
    }
}
