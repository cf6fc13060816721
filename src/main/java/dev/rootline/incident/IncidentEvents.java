package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.rca.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code incident_event} table: each incident's timeline, as its lifecycle derives it. */
@ApplicationScoped
class IncidentEvents {

    /** The timelines of a service's incidents, by incident. */
    Map<String, Set<TimelineEvent>> ofService(Connection c, String service) throws SQLException {
        Map<String, Set<TimelineEvent>> out = new TreeMap<>();
        Sql.query(
                c,
                "SELECT e.* FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE i.service = ?",
                r -> out.computeIfAbsent(r.getString("incident_id"), k -> new HashSet<>())
                        .add(new TimelineEvent(
                                TimelineEvent.Kind.valueOf(r.getString("kind")),
                                r.getString("revision"),
                                r.getLong("at_nanos"),
                                r.getString("related"))),
                service);
        return out;
    }

    void replace(Connection c, String incidentId, List<TimelineEvent> events) throws SQLException {
        Sql.update(c, "DELETE FROM incident_event WHERE incident_id = ?", incidentId);
        Sql.updateEach(
                c,
                "INSERT INTO incident_event (incident_id, kind, revision, at_nanos, related) VALUES (?, ?, ?, ?, ?)",
                events.stream()
                        .map(e -> new Object[] {incidentId, e.kind().name(), e.revision(), e.atNanos(), e.related()})
                        .toList());
    }
}
