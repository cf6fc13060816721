package dev.rootline.notify;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Alerts for the API and the UI: listing the outbox, and queueing test messages. */
@ApplicationScoped
public class AlertService {

    private final AlertStore store;
    private final AlertOutbox outbox;
    private final AlertRoutes routes;
    private final DataSource dataSource;

    AlertService(AlertStore store, AlertOutbox outbox, AlertRoutes routes, DataSource dataSource) {
        this.store = store;
        this.outbox = outbox;
        this.routes = routes;
        this.dataSource = dataSource;
    }

    AlertJson.Page list(Optional<AlertStatus> status, Optional<String> cursor, int limit) {
        Optional<Long> before = cursor.map(c -> {
            try {
                return Long.parseLong(c);
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("cursor: not a cursor this API returned");
            }
        });
        List<Alert> rows = store.list(status, before, limit + 1);
        boolean more = rows.size() > limit;
        List<Alert> page = more ? rows.subList(0, limit) : rows;
        return new AlertJson.Page(
                page.stream().map(AlertJson::of).toList(),
                more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    /** The alerts raised about an incident, oldest first. */
    public List<AlertJson> forIncident(String incidentId) {
        return store.forIncident(incidentId).stream().map(AlertJson::of).toList();
    }

    /** Queues a test message on a route, delivered like any alert once this commits. */
    @Transactional
    AlertJson test(String route) {
        if (routes.named(route).isEmpty()) {
            throw new ProblemException(Response.Status.NOT_FOUND, "no route " + route);
        }
        try (Connection c = dataSource.getConnection()) {
            long id = outbox.test(c, route);
            return AlertJson.of(store.find(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("queueing a test message failed: " + e.getMessage(), e);
        }
    }
}
