package dev.rootline.incident;

import dev.rootline.app.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ServiceState} of each recently correlated service. As with {@link RecentMatches}, a state is handed to
 * one transaction at a time and comes back when that commits, as current for the service row's new version; a
 * rollback drops it, and a state whose version is not the row's (another process correlated the service) is read
 * again.
 */
@ApplicationScoped
class ServiceStates {

    /** A state is a few kilobytes: a service's incidents and revisions, without their lines. */
    private static final int SERVICES = 1_000;

    private final TransactionSynchronizationRegistry transactions;
    /** In order of use, least recent first: what goes when there are too many. */
    private final Map<String, ServiceState> states = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServiceState> eldest) {
            return size() > SERVICES;
        }
    };

    ServiceStates(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The service's kept state, if any, no longer kept: it comes back through {@link #keepAfterCommit}. */
    synchronized ServiceState take(String service) {
        return states.remove(service);
    }

    /** Keeps the state once the current transaction commits, as what the service row holds at {@code lock}. */
    void keepAfterCommit(String service, ServiceState state, RevisionRepository.ServiceLock lock, long lastNanos) {
        AfterCommit.run(transactions, () -> {
            state.version = lock.version();
            state.lastSeen = lock.lastSeen() == null ? lastNanos : Math.max(lock.lastSeen(), lastNanos);
            synchronized (this) {
                states.put(service, state);
            }
        });
    }
}
