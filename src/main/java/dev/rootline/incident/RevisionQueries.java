package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import dev.rootline.engine.verdict.RevisionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads one revision's turn in its service's history: what its verdict is judged on, and what it resolved. */
@ApplicationScoped
public class RevisionQueries {

    private final IncidentQueries reads;
    private final RevisionRepository revisions;

    RevisionQueries(IncidentQueries reads, RevisionRepository revisions) {
        this.reads = reads;
        this.revisions = revisions;
    }

    /**
     * @param revision   the revision as the service list shows it; empty while no entry of it has arrived
     * @param comparedTo the last revision of the service that became ready before this one
     * @param resolved   the incidents this revision resolved
     */
    public record RevisionTurn(
            Optional<ServiceSummary.Revision> revision,
            Optional<String> comparedTo,
            RevisionFacts facts,
            List<IncidentRef> resolved) {}

    public record IncidentRef(String id, String title) {}

    /** @param nowNanos the time of the read: how far the service has been watched when its entries stopped */
    public RevisionTurn turn(String service, String revision, long nowNanos) {
        return reads.read(c -> {
            List<RevisionRepository.StoredRevision> all = revisions.all(c, service);
            Optional<RevisionRepository.StoredRevision> stored =
                    all.stream().filter(r -> r.name().equals(revision)).findFirst();
            Optional<String> comparedTo = all.stream()
                    .filter(r -> r.progress().readyNanos().isPresent())
                    .filter(r ->
                            stored.isEmpty() || r.firstSeen() < stored.get().firstSeen())
                    .reduce((earlier, later) -> later)
                    .map(RevisionRepository.StoredRevision::name);
            long lastSeen = all.stream()
                    .mapToLong(RevisionRepository.StoredRevision::lastSeen)
                    .max()
                    .orElse(0);
            List<EventRow> events = events(c, service, revision);
            List<IncidentRef> resolved = events.stream()
                    .filter(e -> e.kind() == TimelineEvent.Kind.RESOLVED)
                    .map(e -> new IncidentRef(e.incidentId(), e.title()))
                    .toList();
            List<RevisionFacts.Turn> turns = turns(events);
            RevisionFacts facts = stored.map(r -> facts(r, Math.max(nowNanos, lastSeen), turns))
                    .orElseGet(() -> unseen(revision, nowNanos));
            Optional<ServiceSummary.Revision> row = stored.isEmpty() ? Optional.empty() : row(c, service, revision);
            return new RevisionTurn(row, comparedTo, facts, resolved);
        });
    }

    private static RevisionFacts unseen(String revision, long nowNanos) {
        return new RevisionFacts(
                revision,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                nowNanos,
                List.of());
    }

    private static Optional<ServiceSummary.Revision> row(Connection c, String service, String revision)
            throws SQLException {
        return Sql.query(
                        c,
                        "SELECT * FROM revision WHERE service = ? AND name = ?",
                        ServiceQueries::revision,
                        service,
                        revision)
                .stream()
                .findFirst();
    }

    private static RevisionFacts facts(
            RevisionRepository.StoredRevision stored, long observedUntil, List<RevisionFacts.Turn> turns) {
        RevisionProgress progress = stored.progress();
        List<RevisionProgress.Phase> phases = progress.phases();
        return new RevisionFacts(
                stored.name(),
                Optional.of(progress.state()),
                phases.isEmpty()
                        ? Optional.empty()
                        : Optional.of(phases.get(phases.size() - 1).name()),
                progress.failedIn(),
                progress.readyNanos(),
                observedUntil,
                turns);
    }

    /**
     * One turn per incident: an incident first seen in the revision that resolved another is both opened and
     * uncovered there, and "uncovered" says more (the kinds run from least to most telling, resolved aside).
     */
    private static List<RevisionFacts.Turn> turns(List<EventRow> events) {
        Map<String, RevisionFacts.Turn> byIncident = new LinkedHashMap<>();
        for (EventRow e : events) {
            if (e.kind() != TimelineEvent.Kind.RESOLVED) {
                byIncident.merge(
                        e.incidentId(),
                        new RevisionFacts.Turn(e.incidentId(), e.title(), e.severity(), e.kind()),
                        (first, next) -> next.kind().compareTo(first.kind()) > 0 ? next : first);
            }
        }
        return List.copyOf(byIncident.values());
    }

    private record EventRow(String incidentId, TimelineEvent.Kind kind, String title, SignatureSeverity severity) {}

    /** The incident events of the revision, in time order. */
    private static List<EventRow> events(Connection c, String service, String revision) throws SQLException {
        return Sql.query(
                c,
                "SELECT e.incident_id, e.kind, i.title, i.severity FROM incident_event e"
                        + " JOIN incident i ON i.id = e.incident_id WHERE i.service = ? AND e.revision = ?"
                        + " ORDER BY e.at_nanos, e.incident_id",
                r -> new EventRow(
                        r.getString(1),
                        TimelineEvent.Kind.valueOf(r.getString(2)),
                        r.getString(3),
                        SignatureSeverity.valueOf(r.getString(4))),
                service,
                revision);
    }
}
