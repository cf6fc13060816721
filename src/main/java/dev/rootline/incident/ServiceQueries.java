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

/** Reads services, their revisions and their timelines. */
@ApplicationScoped
public class ServiceQueries {

    private final IncidentQueries reads;
    private final RevisionRepository revisions;

    ServiceQueries(IncidentQueries reads, RevisionRepository revisions) {
        this.reads = reads;
        this.revisions = revisions;
    }

    public List<ServiceSummary> services() {
        return reads.read(c -> {
            List<ServiceSummary> out = new ArrayList<>();
            for (Name s : Sql.query(
                    c, "SELECT name, project, resource_type, last_seen FROM service ORDER BY name", Name::of)) {
                out.add(summary(c, s));
            }
            return out;
        });
    }

    public Optional<ServiceSummary> service(String name) {
        return reads.read(c -> {
            List<Name> found = Sql.query(
                    c, "SELECT name, project, resource_type, last_seen FROM service WHERE name = ?", Name::of, name);
            return found.isEmpty() ? Optional.empty() : Optional.of(summary(c, found.get(0)));
        });
    }

    private record Name(String name, String project, String resourceType, long lastSeen) {
        static Name of(ResultSet r) throws SQLException {
            return new Name(r.getString(1), r.getString(2), r.getString(3), r.getLong(4));
        }
    }

    public Optional<ServiceTimeline> timeline(String service) {
        return reads.read(c -> {
            if (Sql.query(c, "SELECT 1 FROM service WHERE name = ?", r -> 1, service)
                    .isEmpty()) {
                return Optional.empty();
            }
            List<ServiceSummary.Revision> revisions = Sql.query(
                    c,
                    "SELECT * FROM revision WHERE service = ?" + " ORDER BY first_seen, name",
                    ServiceQueries::revision,
                    service);
            List<ServiceTimeline.Event> events = Sql.query(
                    c,
                    "SELECT e.*, i.title FROM incident_event e"
                            + " JOIN incident i ON i.id = e.incident_id WHERE i.service = ? ORDER BY e.at_nanos, e.incident_id",
                    r -> new ServiceTimeline.Event(
                            Timestamps.instant(r.getLong("at_nanos")),
                            IncidentQueries.lower(r.getString("kind")),
                            r.getString("incident_id"),
                            r.getString("title"),
                            r.getString("revision"),
                            r.getString("related")),
                    service);
            return Optional.of(new ServiceTimeline(service, revisions, events));
        });
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
                Sql.query(c, sql.toString(), ServiceQueries::historyIncident, params.toArray());
        return incidents;
    }

    private static ServiceSummary summary(Connection c, Name service) throws SQLException {
        String name = service.name();
        List<ServiceSummary.Revision> latest = Sql.query(
                c,
                "SELECT * FROM revision WHERE service = ?"
                        + " ORDER BY first_seen DESC, name DESC FETCH FIRST 1 ROWS ONLY",
                ServiceQueries::revision,
                name);
        long open = Sql.query(
                        c,
                        "SELECT COUNT(*) FROM incident WHERE service = ? AND status <> 'RESOLVED'",
                        r -> r.getLong(1),
                        name)
                .get(0);
        List<ServiceSummary.LastIncident> last = Sql.query(
                c,
                "SELECT id, title, status, last_seen FROM incident"
                        + " WHERE service = ? ORDER BY last_seen DESC, id FETCH FIRST 1 ROWS ONLY",
                r -> new ServiceSummary.LastIncident(
                        r.getString(1),
                        r.getString(2),
                        IncidentQueries.lower(r.getString(3)),
                        Timestamps.instant(r.getLong(4))),
                name);
        return new ServiceSummary(
                name,
                service.project(),
                service.resourceType(),
                Timestamps.instant(service.lastSeen()),
                latest.isEmpty() ? null : latest.get(0),
                open,
                last.isEmpty() ? null : last.get(0));
    }

    static ServiceSummary.Revision revision(ResultSet r) throws SQLException {
        Long failedAfter = Sql.nullableLong(r, "failed_after");
        Long ready = Sql.nullableLong(r, "ready_at");
        return new ServiceSummary.Revision(
                r.getString("name"),
                IncidentQueries.lower(r.getString("state")),
                r.getString("last_phase"),
                r.getString("failed_phase"),
                failedAfter == null ? null : failedAfter / 1_000_000,
                Timestamps.instant(r.getLong("first_seen")),
                Timestamps.instant(r.getLong("last_seen")),
                ready == null ? null : Timestamps.instant(ready));
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
