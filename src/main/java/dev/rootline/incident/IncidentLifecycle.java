package dev.rootline.incident;

import dev.rootline.engine.rca.IncidentRank;
import dev.rootline.engine.rca.Lifecycle;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores what {@link Lifecycle} derives: status, resolved and uncovered by, the timeline, and the rank, with the
 * totals {@link IncidentAggregates} left in the service's state; and fires {@link IncidentChanges} for the events
 * new to a timeline.
 */
@ApplicationScoped
class IncidentLifecycle {

    private final Event<IncidentChanges> changes;
    private final IncidentTable incidents;
    private final IncidentEvents events;

    IncidentLifecycle(Event<IncidentChanges> changes, IncidentTable incidents, IncidentEvents events) {
        this.changes = changes;
        this.incidents = incidents;
        this.events = events;
    }

    /**
     * Re-derives the service's lifecycle from its revisions and where each incident's root occurred, and writes
     * each incident whose lifecycle or totals changed, in one statement.
     */
    void apply(Connection c, String service, ServiceState state) throws SQLException {
        List<Lifecycle.RevisionView> views = new ArrayList<>();
        state.revisions
                .values()
                .forEach(r -> views.add(new Lifecycle.RevisionView(r.name(), r.firstSeen(), r.progress())));
        Map<String, Lifecycle.History> histories = Lifecycle.evaluate(views, occurrences(state));
        for (ServiceState.Incident incident : List.copyOf(state.incidents.values())) {
            Lifecycle.History history = histories.get(incident.id());
            ServiceState.Incident now = history == null
                    ? incident
                    : incident.withLifecycle(
                            history.status(),
                            history.resolvedBy().orElse(null),
                            history.uncoveredBy().orElse(null),
                            sortKey(state, incident, history));
            if (!now.equals(incident) || state.unsavedIncidents.contains(incident.id())) {
                incidents.save(c, now);
                state.incidents.put(now.id(), now);
            }
            Set<TimelineEvent> before = state.events.getOrDefault(incident.id(), Set.of());
            if (history != null && !new HashSet<>(history.events()).equals(before)) {
                events.replace(c, incident.id(), history.events());
                state.events.put(incident.id(), new HashSet<>(history.events()));
                changes.fire(new IncidentChanges(
                        service,
                        incident.id(),
                        incident.severity(),
                        history.events().stream()
                                .filter(e -> !before.contains(e))
                                .toList()));
            }
        }
        state.unsavedIncidents.clear();
    }

    private static String sortKey(ServiceState state, ServiceState.Incident incident, Lifecycle.History history) {
        RevisionRepository.StoredRevision revision = state.revisions.get(incident.revision());
        ServiceState.Span span =
                state.spans.getOrDefault(incident.id(), Map.of()).get(incident.revision());
        return IncidentRank.sortKey(
                history.status(),
                incident.severity(),
                revision == null ? 0L : revision.firstSeen(),
                span == null || span.rootFirstSeen() == null ? 0L : span.rootFirstSeen(),
                incident.explained(),
                incident.id());
    }

    /** Where each of the service's incidents had its root, per revision, and in which startup phase. */
    private static Map<String, List<Lifecycle.Occurrence>> occurrences(ServiceState state) {
        Map<String, List<Lifecycle.Occurrence>> out = new LinkedHashMap<>();
        state.spans.forEach((id, spans) -> spans.forEach((revision, span) -> {
            if (span.rootFirstSeen() != null) {
                RevisionRepository.StoredRevision r = state.revisions.get(revision);
                out.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Lifecycle.Occurrence(
                                revision,
                                span.rootFirstSeen(),
                                phaseAt(r == null ? null : r.progress(), span.rootFirstSeen())));
            }
        }));
        return out;
    }

    /** The startup phase a revision was in at a time, if it logged phases. */
    static Optional<String> phaseAt(RevisionProgress progress, long nanos) {
        return progress == null ? Optional.empty() : progress.phaseAt(nanos);
    }
}
