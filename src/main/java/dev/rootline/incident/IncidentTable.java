package dev.rootline.incident;

import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.rca.IncidentNaming;
import dev.rootline.engine.rca.IncidentStatus;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.SignatureSeverity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code incident} table, as correlation writes it: one row per incident, named after its root and carrying
 * its totals and lifecycle. The API reads it through {@link IncidentQueries}.
 */
@ApplicationScoped
class IncidentTable {

    /** Widths of the text columns of {@code incident} (V2__incidents.sql). */
    static final int FINGERPRINT_WIDTH = 512;

    static final int TITLE_WIDTH = 1000;
    static final int SUMMARY_WIDTH = 4000;
    static final int REMEDIATION_WIDTH = 2000;

    List<ServiceState.Incident> ofService(Connection c, String service) throws SQLException {
        return Sql.query(
                c,
                "SELECT id, severity, revision, explained_count, status, resolved_by, uncovered_by, sort_key,"
                        + " first_seen, last_seen FROM incident WHERE service = ?",
                r -> new ServiceState.Incident(
                        r.getString(1),
                        SignatureSeverity.valueOf(r.getString(2)),
                        r.getString(3),
                        r.getLong(4),
                        IncidentStatus.valueOf(r.getString(5)),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        r.getLong(9),
                        r.getLong(10)),
                service);
    }

    /** Opens an incident at its first root line; its title follows once its counts are in. */
    ServiceState.Incident insert(Connection c, String service, String id, Signal root) throws SQLException {
        ServiceState.Incident incident = new ServiceState.Incident(
                id,
                IncidentNaming.severity(root),
                root.revision(),
                0,
                IncidentStatus.OPEN,
                null,
                null,
                id,
                root.timeNanos(),
                root.timeNanos());
        Sql.update(
                c,
                "INSERT INTO incident (id, service, signature_id, fingerprint, title, category, severity, status,"
                        + " confidence, summary, first_seen, last_seen, revision, explained_count, sort_key)"
                        + " VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, '', ?, ?, ?, 0, ?)",
                id,
                service,
                root.signatureId(),
                Columns.fit(root.fingerprint(), FINGERPRINT_WIDTH),
                IncidentNaming.category(root).yamlName(),
                incident.severity().name(),
                incident.status().name(),
                IncidentNaming.confidence(root).name(),
                incident.firstSeen(),
                incident.lastSeen(),
                incident.revision(),
                id);
        return incident;
    }

    /** Names the incident after its latest burst of root lines, in {@code revision}. */
    void rename(Connection c, String id, IncidentNaming.Naming naming, String revision) throws SQLException {
        Sql.update(
                c,
                "UPDATE incident SET title = ?, summary = ?, remediation = ?, revision = ? WHERE id = ?",
                Columns.fit(naming.title(), TITLE_WIDTH),
                Columns.fit(naming.summary(), SUMMARY_WIDTH),
                naming.remediation() == null ? null : Columns.fit(naming.remediation(), REMEDIATION_WIDTH),
                revision,
                id);
    }

    /** Writes an incident's totals and lifecycle. */
    void save(Connection c, ServiceState.Incident incident) throws SQLException {
        Sql.update(
                c,
                "UPDATE incident SET first_seen = ?, last_seen = ?, explained_count = ?, status = ?,"
                        + " resolved_by = ?, uncovered_by = ?, sort_key = ? WHERE id = ?",
                incident.firstSeen(),
                incident.lastSeen(),
                incident.explained(),
                incident.status().name(),
                incident.resolvedBy(),
                incident.uncoveredBy(),
                incident.sortKey(),
                incident.id());
    }

    /** Deletes an incident's row; its steps, revision counts and timeline go with it (the keys cascade). */
    void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM incident WHERE id = ?", id);
    }
}
