package dev.rootline.incident;

import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.rca.IncidentNaming;
import dev.rootline.engine.rca.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code chain_step} table: each signature in an incident's chain, its count and its evidence line. */
@ApplicationScoped
class ChainSteps {

    /** Width of {@code chain_step.title} (V2__incidents.sql). */
    static final int TITLE_WIDTH = 1000;

    /** Each step's evidence line's place in event order, by incident and then signature, of one service. */
    Map<String, Map<String, String>> ofService(Connection c, String service) throws SQLException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        Sql.query(
                c,
                "SELECT s.incident_id, s.signature_id, s.first_order FROM chain_step s"
                        + " JOIN incident i ON i.id = s.incident_id WHERE i.service = ?",
                r -> out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getString(3)),
                service);
        return out;
    }

    /** Adds to the counts of stored steps: by signature, what to add. */
    void addCounts(Connection c, String incidentId, Map<String, Long> added) throws SQLException {
        Sql.updateEach(
                c,
                "UPDATE chain_step SET count = count + ? WHERE incident_id = ? AND signature_id = ?",
                added.entrySet().stream()
                        .map(step -> new Object[] {step.getValue(), incidentId, step.getKey()})
                        .toList());
    }

    void insert(Connection c, String incidentId, Signal evidence, int depth, long count) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO chain_step (incident_id, signature_id, role, depth, title, count, entry_key,"
                        + " first_nanos, first_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                incidentId,
                evidence.signatureId(),
                MatchColumns.role(evidence),
                depth,
                title(evidence),
                count,
                evidence.entryKey(),
                evidence.timeNanos(),
                IncidentNaming.order(evidence));
    }

    /** Makes a line the evidence of its signature's step. */
    void setEvidence(Connection c, String incidentId, Signal evidence, int depth) throws SQLException {
        Sql.update(
                c,
                "UPDATE chain_step SET entry_key = ?, first_nanos = ?, first_order = ?, depth = ?, title = ?"
                        + " WHERE incident_id = ? AND signature_id = ?",
                evidence.entryKey(),
                evidence.timeNanos(),
                IncidentNaming.order(evidence),
                depth,
                title(evidence),
                incidentId,
                evidence.signatureId());
    }

    /** Moves a step to the depth its evidence line now stands at. */
    void setDepth(Connection c, String incidentId, Signal evidence, int depth) throws SQLException {
        Sql.update(
                c,
                "UPDATE chain_step SET depth = ? WHERE incident_id = ? AND signature_id = ? AND entry_key = ?",
                depth,
                incidentId,
                evidence.signatureId(),
                evidence.entryKey());
    }

    /** Deletes a step whose count fell to nothing; true when it did. */
    boolean deleteIfEmpty(Connection c, String incidentId, String signatureId) throws SQLException {
        return Sql.update(
                        c,
                        "DELETE FROM chain_step WHERE incident_id = ? AND signature_id = ? AND count <= 0",
                        incidentId,
                        signatureId)
                > 0;
    }

    /** The steps' titles in chain order, root first. */
    List<String> titles(Connection c, String incidentId) throws SQLException {
        return Sql.query(
                c,
                "SELECT title FROM chain_step WHERE incident_id = ? ORDER BY depth, first_nanos, signature_id",
                r -> r.getString(1),
                incidentId);
    }

    private static String title(Signal evidence) {
        return Columns.fit(IncidentNaming.stepTitle(evidence), TITLE_WIDTH);
    }
}
