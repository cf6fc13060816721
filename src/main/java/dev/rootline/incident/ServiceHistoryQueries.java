package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.rca.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a service's history for its timeline: its revisions and the incidents active in a period. */
@ApplicationScoped
public class ServiceHistoryQueries {

    private final IncidentQueries reads;
    private final RevisionRepository revisions;

    ServiceHistoryQueries(IncidentQueries reads, RevisionRepository revisions) {
        this.reads = reads;
        this.revisions = revisions;
    }

    /**
     * A service's revisions and the incidents of a status (all when empty) active at some time between
     * {@code since} and {@code until} (event times, epoch nanoseconds), the earliest first.
     */
    public Optional<ServiceHistory> history(
            String service, Optional<Long> since, Optional<Long> until, Optional<IncidentStatus> status) {
        return reads.read(c -> {
            if (Sql.query(c, "SELECT 1 FROM service WHERE name = ?", r -> 1, service)
                    .isEmpty()) {
                return Optional.empty();
            }
            List<ServiceHistory.Revision> revisionRows = revisions.all(c, service).stream()
                    .map(ServiceHistory.Revision::of)
                    .toList();
            List<ServiceHistory.Incident> incidents = incidents(c, service, since, until, status);
            return Optional.of(new ServiceHistory(service, revisionRows, incidents));
        });
    }

    private static List<ServiceHistory.Incident> incidents(
            Connection c, String service, Optional<Long> since, Optional<Long> until, Optional<IncidentStatus> status)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.title, i.status, i.severity, i.revision, i.resolved_by,"
                + " i.uncovered_by, i.first_seen, MIN(o.at_nanos) AS opened, MAX(r.at_nanos) AS resolved FROM incident i"
                + " LEFT JOIN incident_event o ON o.incident_id = i.id AND o.kind = 'OPENED'"
                + " LEFT JOIN incident_event r ON r.incident_id = i.id AND r.kind = 'RESOLVED' AND i.status = 'RESOLVED'"
                + " WHERE i.service = ?");
        List<Object> params = new ArrayList<>(List.of(service));
        status.ifPresent(s -> {
            sql.append(" AND i.status = ?");
            params.add(s.name());
        });
        until.ifPresent(t -> {
            sql.append(" AND i.first_seen <= ?");
            params.add(t);
        });
        sql.append(" GROUP BY i.id, i.title, i.status, i.severity, i.revision, i.resolved_by, i.uncovered_by,"
                + " i.first_seen");
        since.ifPresent(t -> {
            sql.append(" HAVING MAX(r.at_nanos) IS NULL OR MAX(r.at_nanos) >= ?");
            params.add(t);
        });
        sql.append(" ORDER BY opened, i.id");
        List<ServiceHistory.Incident> incidents =
                Sql.query(c, sql.toString(), ServiceHistoryQueries::historyIncident, params.toArray());
        return incidents;
    }

    private static ServiceHistory.Incident historyIncident(ResultSet r) throws SQLException {
        Long opened = Sql.nullableLong(r, "opened");
        Long resolved = Sql.nullableLong(r, "resolved");
        return new ServiceHistory.Incident(
                r.getString("id"),
                r.getString("title"),
                IncidentQueries.lower(r.getString("status")),
                IncidentQueries.lower(r.getString("severity")),
                r.getString("revision"),
                Timestamps.instant(opened == null ? r.getLong("first_seen") : opened),
                resolved == null ? null : Timestamps.instant(resolved),
                r.getString("resolved_by"),
                r.getString("uncovered_by"));
    }
}
