package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads services, their revisions and their timelines. */
@ApplicationScoped
public class ServiceQueries {

    private final IncidentQueries reads;

    ServiceQueries(IncidentQueries reads) {
        this.reads = reads;
    }

    /** Every service, in three queries whatever their number: the services, latest revisions, last incidents. */
    public List<ServiceSummary> services() {
        return reads.read(c -> {
            Map<String, ServiceSummary.Revision> latest = new HashMap<>();
            Sql.query(
                    c,
                    "SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY service"
                            + " ORDER BY first_seen DESC, name DESC) AS nth FROM revision r) latest WHERE nth = 1",
                    r -> latest.put(r.getString("service"), revision(r)));
            Map<String, ServiceSummary.LastIncident> last = new HashMap<>();
            Sql.query(
                    c,
                    "SELECT * FROM (SELECT i.service, i.id, i.title, i.status, i.last_seen, ROW_NUMBER() OVER"
                            + " (PARTITION BY i.service ORDER BY i.last_seen DESC, i.id) AS nth FROM incident i) last"
                            + " WHERE nth = 1",
                    r -> last.put(r.getString("service"), lastIncident(r)));
            Map<String, Long> open = reads.openByService();
            return Sql.query(
                    c,
                    "SELECT name, project, resource_type, last_seen FROM service ORDER BY name",
                    r -> summary(
                            Name.of(r),
                            latest.get(r.getString(1)),
                            open.getOrDefault(r.getString(1), 0L),
                            last.get(r.getString(1))));
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
                ServiceQueries::lastIncident,
                name);
        return summary(service, latest.isEmpty() ? null : latest.get(0), open, last.isEmpty() ? null : last.get(0));
    }

    private static ServiceSummary summary(
            Name service, ServiceSummary.Revision latest, long open, ServiceSummary.LastIncident last) {
        return new ServiceSummary(
                service.name(),
                service.project(),
                service.resourceType(),
                Timestamps.instant(service.lastSeen()),
                latest,
                open,
                last);
    }

    private static ServiceSummary.LastIncident lastIncident(ResultSet r) throws SQLException {
        return new ServiceSummary.LastIncident(
                r.getString("id"),
                r.getString("title"),
                IncidentQueries.lower(r.getString("status")),
                Timestamps.instant(r.getLong("last_seen")));
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
}
