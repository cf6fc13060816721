package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
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

    ServiceQueries(IncidentQueries reads) {
        this.reads = reads;
    }

    public List<ServiceSummary> services() {
        record Name(String name, String resourceType, long lastSeen) {
        }
        return reads.read(c -> {
            List<ServiceSummary> out = new ArrayList<>();
            for (Name s : Sql.query(c, "SELECT name, resource_type, last_seen FROM service ORDER BY name",
                    r -> new Name(r.getString(1), r.getString(2), r.getLong(3)))) {
                out.add(summary(c, s.name(), s.resourceType(), s.lastSeen()));
            }
            return out;
        });
    }

    public Optional<ServiceTimeline> timeline(String service) {
        return reads.read(c -> {
            if (Sql.query(c, "SELECT 1 FROM service WHERE name = ?", r -> 1, service).isEmpty()) {
                return Optional.empty();
            }
            List<ServiceSummary.Revision> revisions = Sql.query(c, "SELECT * FROM revision WHERE service = ?"
                    + " ORDER BY first_seen, name", ServiceQueries::revision, service);
            List<ServiceTimeline.Event> events = Sql.query(c, "SELECT e.*, i.title FROM incident_event e"
                    + " JOIN incident i ON i.id = e.incident_id WHERE i.service = ? ORDER BY e.at_nanos, e.incident_id",
                    r -> new ServiceTimeline.Event(Timestamps.instant(r.getLong("at_nanos")),
                            IncidentQueries.lower(r.getString("kind")), r.getString("incident_id"), r.getString("title"),
                            r.getString("revision"), r.getString("related")), service);
            return Optional.of(new ServiceTimeline(service, revisions, events));
        });
    }

    private static ServiceSummary summary(Connection c, String name, String resourceType, long lastSeen)
            throws SQLException {
        List<ServiceSummary.Revision> latest = Sql.query(c, "SELECT * FROM revision WHERE service = ?"
                + " ORDER BY first_seen DESC, name DESC FETCH FIRST 1 ROWS ONLY", ServiceQueries::revision, name);
        long open = Sql.query(c, "SELECT COUNT(*) FROM incident WHERE service = ? AND status <> 'RESOLVED'",
                r -> r.getLong(1), name).get(0);
        List<ServiceSummary.LastIncident> last = Sql.query(c, "SELECT id, title, status, last_seen FROM incident"
                + " WHERE service = ? ORDER BY last_seen DESC, id FETCH FIRST 1 ROWS ONLY", r ->
                new ServiceSummary.LastIncident(r.getString(1), r.getString(2), IncidentQueries.lower(r.getString(3)),
                        Timestamps.instant(r.getLong(4))), name);
        return new ServiceSummary(name, resourceType, Timestamps.instant(lastSeen),
                latest.isEmpty() ? null : latest.get(0), open, last.isEmpty() ? null : last.get(0));
    }

    private static ServiceSummary.Revision revision(ResultSet r) throws SQLException {
        Long failedAfter = Sql.nullableLong(r, "failed_after");
        Long ready = Sql.nullableLong(r, "ready_at");
        return new ServiceSummary.Revision(r.getString("name"), IncidentQueries.lower(r.getString("state")),
                r.getString("last_phase"), r.getString("failed_phase"),
                failedAfter == null ? null : failedAfter / 1_000_000, Timestamps.instant(r.getLong("first_seen")),
                Timestamps.instant(r.getLong("last_seen")), ready == null ? null : Timestamps.instant(ready));
    }
}
