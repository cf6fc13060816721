package dev.rootline.incident;

import dev.rootline.search.LogStore.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Correlates ingested events before their request is answered, sharing transactions between concurrent requests
 * the way the write-ahead log shares fsyncs: one caller at a time correlates everything pending, while the others
 * wait for it. Per service, correlation is serial anyway (a row lock); grouping saves the lock handoffs and the
 * per-transaction work, which is most of the cost of small batches.
 */
@ApplicationScoped
public class CorrelationService {

    /** Two replicas seeing a service's first entries at once: one of them retries. */
    private static final int ATTEMPTS = 3;

    private final CorrelationTransaction transaction;
    private final Object lock = new Object();
    private List<Pending> pending = new ArrayList<>();
    private boolean correlating;

    CorrelationService(CorrelationTransaction transaction) {
        this.transaction = transaction;
    }

    private static final class Pending {
        final List<StoredEvent> events;
        boolean done;
        RuntimeException failure;

        Pending(List<StoredEvent> events) {
            this.events = events;
        }
    }

    /**
     * Returns once the events are correlated and committed.
     *
     * @throws CorrelationFailedException when the database refused, after retries; nothing of it was kept
     */
    public void correlate(List<StoredEvent> events) {
        Pending mine = new Pending(events);
        List<Pending> group;
        synchronized (lock) {
            pending.add(mine);
            while (!mine.done && correlating) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for correlation", e);
                }
            }
            if (mine.done) {
                rethrow(mine);
                return;
            }
            correlating = true;
            group = pending;
            pending = new ArrayList<>();
        }
        RuntimeException failure = run(group);
        synchronized (lock) {
            for (Pending p : group) {
                p.done = true;
                p.failure = failure;
            }
            correlating = false;
            lock.notifyAll();
        }
        rethrow(mine);
    }

    private RuntimeException run(List<Pending> group) {
        List<StoredEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.events));
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.correlate(all);
                return null;
            } catch (CorrelationFailedException e) {
                if (attempt == ATTEMPTS) {
                    return e;
                }
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    private static void rethrow(Pending p) {
        if (p.failure != null) {
            throw p.failure;
        }
    }
}
