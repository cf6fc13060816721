package dev.rootline.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The {@link ServiceState} of each service correlated here, read from the tables' owners and then kept between
 * batches, as {@link RecentMatches} keeps windows: a state whose version is not the service row's (another process
 * correlated the service) is read again.
 */
@ApplicationScoped
class ServiceStates {

    /** A state is a few kilobytes: a service's incidents and revisions, without their lines. */
    private static final int SERVICES = 1_000;

    private final KeptPerService<ServiceState> states;
    private final RevisionRepository revisions;
    private final IncidentTable incidents;
    private final IncidentRevisions spans;
    private final ChainSteps steps;
    private final IncidentEvents events;

    ServiceStates(
            TransactionSynchronizationRegistry transactions,
            RevisionRepository revisions,
            IncidentTable incidents,
            IncidentRevisions spans,
            ChainSteps steps,
            IncidentEvents events,
            Clock clock) {
        this.states = new KeptPerService<>(transactions, SERVICES, state -> 1, clock, KeptPerService.NEVER_IDLE);
        this.revisions = revisions;
        this.incidents = incidents;
        this.spans = spans;
        this.steps = steps;
        this.events = events;
    }

    /** The service's kept state, if any, no longer kept: it comes back through {@link #keepAfterCommit}. */
    ServiceState take(String service) {
        return states.take(service);
    }

    /**
     * The state to correlate a batch with under {@code lock}: the kept one while it is current, else what the
     * database holds. It is kept again once the transaction commits.
     */
    ServiceState forBatch(
            Connection c, String service, RevisionRepository.ServiceLock lock, ServiceState kept, long lastNanos)
            throws SQLException {
        ServiceState state = kept != null && kept.currentAt(lock.previousVersion())
                ? kept
                : lock.previousVersion() == null ? ServiceState.empty() : load(c, service);
        states.keepAfterCommit(service, state, () -> {
            state.version = lock.version();
            state.lastSeen = lock.lastSeen() == null ? lastNanos : Math.max(lock.lastSeen(), lastNanos);
        });
        return state;
    }

    /** What the database holds of the service. */
    ServiceState load(Connection c, String service) throws SQLException {
        return ServiceState.of(
                revisions.all(c, service),
                incidents.ofService(c, service),
                spans.ofService(c, service),
                steps.ofService(c, service),
                events.ofService(c, service));
    }
}
