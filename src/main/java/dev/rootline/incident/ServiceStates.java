package dev.rootline.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The {@link ServiceState} of each recently correlated service, kept as {@link RecentMatches} keeps windows: a state
 * whose version is not the service row's (another process correlated the service) is read again.
 */
@ApplicationScoped
class ServiceStates {

    /** A state is a few kilobytes: a service's incidents and revisions, without their lines. */
    private static final int SERVICES = 1_000;

    private final KeptPerService<ServiceState> states;

    ServiceStates(TransactionSynchronizationRegistry transactions) {
        this.states = new KeptPerService<>(transactions, SERVICES, state -> 1);
    }

    /** The service's kept state, if any, no longer kept: it comes back through {@link #keepAfterCommit}. */
    ServiceState take(String service) {
        return states.take(service);
    }

    /** Keeps the state once the current transaction commits, as what the service row holds at {@code lock}. */
    void keepAfterCommit(String service, ServiceState state, RevisionRepository.ServiceLock lock, long lastNanos) {
        states.keepAfterCommit(service, state, () -> {
            state.version = lock.version();
            state.lastSeen = lock.lastSeen() == null ? lastNanos : Math.max(lock.lastSeen(), lastNanos);
        });
    }
}
