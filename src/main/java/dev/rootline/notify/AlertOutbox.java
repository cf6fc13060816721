package dev.rootline.notify;

import dev.rootline.app.AfterCommit;
import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.incident.IncidentChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Raises the alerts for incident changes, inside the transaction that makes the changes, and wakes the dispatcher
 * once that transaction commits: an alert exists if and only if its change does, and is sent only after it.
 */
@ApplicationScoped
class AlertOutbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final DataSource dataSource;
    private final AlertRoutes routes;
    private final AlertStore store;
    private final AlertDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final long maxAgeMillis;

    AlertOutbox(
            DataSource dataSource,
            AlertRoutes routes,
            AlertStore store,
            AlertDispatcher dispatcher,
            TransactionSynchronizationRegistry transactions,
            Clock clock,
            SlackAlertsConfig config) {
        this.dataSource = dataSource;
        this.routes = routes;
        this.store = store;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.clock = clock;
        this.maxAgeMillis = config.maxAge().toMillis();
    }

    /**
     * Raises one alert per route for each change an incident just went through. Correlation may derive the same
     * change again (a replay, a late entry): the dedup key makes that a no-op. An uncovered incident is announced
     * once, as uncovered, rather than also as opened.
     */
    void raise(@Observes IncidentChanges incident) throws SQLException {
        List<AlertRoute> to = routes.of(incident.service(), incident.severity());
        if (to.isEmpty()) {
            return;
        }
        // the data source hands out the connection already enlisted in correlation's transaction
        try (Connection c = dataSource.getConnection()) {
            raise(c, incident, to);
        }
    }

    private void raise(Connection c, IncidentChanges incident, List<AlertRoute> to) throws SQLException {
        List<TimelineEvent> changes = incident.events();
        long now = clock.millis();
        boolean raised = false;
        for (TimelineEvent change : changes) {
            if (TimeUnit.NANOSECONDS.toMillis(change.atNanos()) < now - maxAgeMillis
                    || change.kind() == TimelineEvent.Kind.OPENED
                            && changes.stream()
                                    .anyMatch(e -> e.kind() == TimelineEvent.Kind.UNCOVERED
                                            && e.revision().equals(change.revision()))) {
                continue;
            }
            for (AlertRoute route : to) {
                String dedup = String.join(
                        "|", route.name(), incident.incidentId(), change.kind().name(), change.revision());
                raised |= store.enqueue(
                        c,
                        route.name(),
                        AlertKind.of(change.kind()),
                        incident.incidentId(),
                        change.revision(),
                        change.related(),
                        dedup,
                        now);
            }
        }
        if (raised) {
            wakeAfterCommit();
        }
    }

    /** Queues a test message for a route; returns its alert id. */
    long test(Connection c, String route) throws SQLException {
        long id = store.enqueue(c, route, AlertKind.TEST, clock.millis());
        wakeAfterCommit();
        return id;
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, dispatcher::wake);
    }
}
