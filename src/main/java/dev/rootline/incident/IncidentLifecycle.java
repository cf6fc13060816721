package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.rca.IncidentRank;
import dev.rootline.engine.rca.Lifecycle;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores what {@link Lifecycle} derives: status, resolved and uncovered by, the timeline, and the rank; and fires
 * {@link IncidentChanges} for the events new to a timeline.
 */
@ApplicationScoped
class IncidentLifecycle {

    private final Event<IncidentChanges> changes;

    IncidentLifecycle(Event<IncidentChanges> changes) {
        this.changes = changes;
    }

    /** Re-derives the service's lifecycle from its revisions and where each incident's root occurred. */
    void apply(Connection c, String service, List<RevisionRepository.StoredRevision> revisions) throws SQLException {
        List<Lifecycle.RevisionView> views = new ArrayList<>();
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        for (RevisionRepository.StoredRevision r : revisions) {
            views.add(new Lifecycle.RevisionView(r.name(), r.firstSeen(), r.progress()));
            firstSeen.put(r.name(), r.firstSeen());
        }
        Map<String, Lifecycle.History> histories = Lifecycle.evaluate(views, occurrences(c, service, revisions));
        record Current(String id, String severity, String revision, long explained, String status, String resolvedBy,
                       String uncoveredBy, String sortKey, Long rootFirstSeen) {
        }
        List<Current> incidents = Sql.query(c, "SELECT i.*, r.root_first_seen FROM incident i LEFT JOIN incident_revision r"
                + " ON r.incident_id = i.id AND r.revision = i.revision WHERE i.service = ?", r -> new Current(
                r.getString("id"), r.getString("severity"), r.getString("revision"), r.getLong("explained_count"),
                r.getString("status"), r.getString("resolved_by"), r.getString("uncovered_by"), r.getString("sort_key"),
                Sql.nullableLong(r, "root_first_seen")), service);
        Map<String, Set<TimelineEvent>> stored = new HashMap<>();
        Sql.query(c, "SELECT e.* FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE i.service = ?",
                r -> stored.computeIfAbsent(r.getString("incident_id"), k -> new HashSet<>()).add(new TimelineEvent(
                        TimelineEvent.Kind.valueOf(r.getString("kind")), r.getString("revision"), r.getLong("at_nanos"),
                        r.getString("related"))), service);
        for (Current incident : incidents) {
            Lifecycle.History history = histories.get(incident.id());
            if (history == null) {
                continue;
            }
            String sortKey = IncidentRank.sortKey(history.status(), SignatureSeverity.valueOf(incident.severity()),
                    firstSeen.getOrDefault(incident.revision(), 0L),
                    incident.rootFirstSeen() == null ? 0L : incident.rootFirstSeen(), incident.explained(), incident.id());
            String resolvedBy = history.resolvedBy().orElse(null);
            String uncoveredBy = history.uncoveredBy().orElse(null);
            if (!history.status().name().equals(incident.status()) || !Objects.equals(resolvedBy, incident.resolvedBy())
                    || !Objects.equals(uncoveredBy, incident.uncoveredBy()) || !sortKey.equals(incident.sortKey())) {
                Sql.update(c, "UPDATE incident SET status = ?, resolved_by = ?, uncovered_by = ?, sort_key = ? WHERE id = ?",
                        history.status().name(), resolvedBy, uncoveredBy, sortKey, incident.id());
            }
            Set<TimelineEvent> before = stored.getOrDefault(incident.id(), Set.of());
            if (!new HashSet<>(history.events()).equals(before)) {
                replaceEvents(c, incident.id(), history.events());
                changes.fire(new IncidentChanges(c, service, incident.id(), SignatureSeverity.valueOf(incident.severity()),
                        history.events().stream().filter(e -> !before.contains(e)).toList()));
            }
        }
    }

    private static void replaceEvents(Connection c, String id, List<TimelineEvent> events) throws SQLException {
        Sql.update(c, "DELETE FROM incident_event WHERE incident_id = ?", id);
        for (TimelineEvent e : events) {
            Sql.update(c, "INSERT INTO incident_event (incident_id, kind, revision, at_nanos, related) VALUES (?, ?, ?, ?, ?)",
                    id, e.kind().name(), e.revision(), e.atNanos(), e.related());
        }
    }

    /** Where each of the service's incidents had its root, per revision, and in which startup phase. */
    private static Map<String, List<Lifecycle.Occurrence>> occurrences(
            Connection c, String service, List<RevisionRepository.StoredRevision> revisions) throws SQLException {
        Map<String, RevisionProgress> progress = new HashMap<>();
        revisions.forEach(r -> progress.put(r.name(), r.progress()));
        Map<String, List<Lifecycle.Occurrence>> out = new LinkedHashMap<>();
        Sql.query(c, "SELECT r.incident_id, r.revision, r.root_first_seen FROM incident_revision r"
                        + " JOIN incident i ON i.id = r.incident_id WHERE i.service = ? AND r.root_first_seen IS NOT NULL",
                r -> out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Lifecycle.Occurrence(
                        r.getString(2), r.getLong(3), phaseAt(progress.get(r.getString(2)), r.getLong(3)))),
                service);
        return out;
    }

    /** The startup phase a revision was in at a time, if it logged phases. */
    static Optional<String> phaseAt(RevisionProgress progress, long nanos) {
        return progress == null ? Optional.empty() : progress.phaseAt(nanos);
    }
}
