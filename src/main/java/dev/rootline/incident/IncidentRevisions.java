package dev.rootline.incident;

import dev.rootline.app.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The {@code incident_revision} table: an incident's counts and times in each revision it occurred in. */
@ApplicationScoped
class IncidentRevisions {

    /** Each incident's spans of one service, by incident, then revision. */
    Map<String, Map<String, ServiceState.Span>> ofService(Connection c, String service) throws SQLException {
        Map<String, Map<String, ServiceState.Span>> out = new TreeMap<>();
        Sql.query(
                c,
                "SELECT r.* FROM incident_revision r JOIN incident i ON i.id = r.incident_id WHERE i.service = ?",
                r -> out.computeIfAbsent(r.getString("incident_id"), k -> new TreeMap<>())
                        .put(r.getString("revision"), span(r)),
                service);
        return out;
    }

    void insert(Connection c, String incidentId, String revision, ServiceState.Span span) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO incident_revision (incident_id, revision, matches, occurrences, explained,"
                        + " first_seen, last_seen, root_first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                incidentId,
                revision,
                span.matches(),
                span.occurrences(),
                span.explained(),
                span.firstSeen(),
                span.lastSeen(),
                span.rootFirstSeen());
    }

    void update(Connection c, String incidentId, String revision, ServiceState.Span span) throws SQLException {
        Sql.update(
                c,
                "UPDATE incident_revision SET matches = ?, occurrences = ?, explained = ?, first_seen = ?,"
                        + " last_seen = ?, root_first_seen = ? WHERE incident_id = ? AND revision = ?",
                span.matches(),
                span.occurrences(),
                span.explained(),
                span.firstSeen(),
                span.lastSeen(),
                span.rootFirstSeen(),
                incidentId,
                revision);
    }

    void delete(Connection c, String incidentId, String revision) throws SQLException {
        Sql.update(c, "DELETE FROM incident_revision WHERE incident_id = ? AND revision = ?", incidentId, revision);
    }

    private static ServiceState.Span span(ResultSet r) throws SQLException {
        return new ServiceState.Span(
                r.getLong("matches"),
                r.getLong("occurrences"),
                r.getLong("explained"),
                r.getLong("first_seen"),
                r.getLong("last_seen"),
                Sql.nullableLong(r, "root_first_seen"));
    }
}
