package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's revisions and incidents as stored: everything correlation reads of them besides the matches. Read
 * once, then kept between batches (see {@link ServiceStates}) and changed with every write, so a batch of a live
 * service reads none of it back. What a write leaves for the database to work out (the times left after a
 * removal) is read back into it.
 */
final class ServiceState {

    /** An incident's row, as far as correlation reads it. */
    record Incident(
            String id,
            String severity,
            String revision,
            long explained,
            String status,
            String resolvedBy,
            String uncoveredBy,
            String sortKey,
            long firstSeen,
            long lastSeen) {

        Incident withTotals(long explained, long firstSeen, long lastSeen) {
            return new Incident(
                    id, severity, revision, explained, status, resolvedBy, uncoveredBy, sortKey, firstSeen, lastSeen);
        }

        Incident withRevision(String revision) {
            return new Incident(
                    id, severity, revision, explained, status, resolvedBy, uncoveredBy, sortKey, firstSeen, lastSeen);
        }

        Incident withLifecycle(String status, String resolvedBy, String uncoveredBy, String sortKey) {
            return new Incident(
                    id, severity, revision, explained, status, resolvedBy, uncoveredBy, sortKey, firstSeen, lastSeen);
        }
    }

    /** An incident's counts and times in one revision ({@code incident_revision}). */
    record Span(long matches, long occurrences, long explained, long firstSeen, long lastSeen, Long rootFirstSeen) {}

    /** The service row's version these rows are current for, and its latest event time then. */
    long version;

    Long lastSeen;
    /** By name. */
    final Map<String, RevisionRepository.StoredRevision> revisions = new TreeMap<>();
    /** Revisions changed in memory and not yet written, and which of them are new. */
    final Set<String> unsavedRevisions = new HashSet<>();

    final Set<String> newRevisions = new HashSet<>();
    /** By id. */
    final Map<String, Incident> incidents = new TreeMap<>();
    /** Incidents whose totals changed in memory and are not yet written. */
    final Set<String> unsavedIncidents = new HashSet<>();
    /** By incident, then revision. */
    final Map<String, Map<String, Span>> spans = new TreeMap<>();
    /** Each incident's chain steps: by signature, the evidence line's place in event order. */
    final Map<String, Map<String, String>> steps = new TreeMap<>();

    final Map<String, Set<TimelineEvent>> events = new TreeMap<>();

    /** A service seen for the first time: nothing stored yet. */
    static ServiceState empty() {
        return new ServiceState();
    }

    /** Reads the service's rows; the revisions are read by their repository, which knows their JSON. */
    static ServiceState load(Connection c, String service, List<RevisionRepository.StoredRevision> revisions)
            throws SQLException {
        ServiceState state = new ServiceState();
        revisions.forEach(r -> state.revisions.put(r.name(), r));
        Sql.query(
                c,
                "SELECT id, severity, revision, explained_count, status, resolved_by, uncovered_by, sort_key,"
                        + " first_seen, last_seen FROM incident WHERE service = ?",
                r -> state.incidents.put(
                        r.getString(1),
                        new Incident(
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                r.getLong(4),
                                r.getString(5),
                                r.getString(6),
                                r.getString(7),
                                r.getString(8),
                                r.getLong(9),
                                r.getLong(10))),
                service);
        Sql.query(
                c,
                "SELECT r.* FROM incident_revision r JOIN incident i ON i.id = r.incident_id WHERE i.service = ?",
                r -> state.spanMap(r.getString("incident_id")).put(r.getString("revision"), span(r)),
                service);
        Sql.query(
                c,
                "SELECT s.incident_id, s.signature_id, s.first_order FROM chain_step s"
                        + " JOIN incident i ON i.id = s.incident_id WHERE i.service = ?",
                r -> state.stepMap(r.getString(1)).put(r.getString(2), r.getString(3)),
                service);
        Sql.query(
                c,
                "SELECT e.* FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE i.service = ?",
                r -> state.events
                        .computeIfAbsent(r.getString("incident_id"), k -> new HashSet<>())
                        .add(new TimelineEvent(
                                TimelineEvent.Kind.valueOf(r.getString("kind")),
                                r.getString("revision"),
                                r.getLong("at_nanos"),
                                r.getString("related"))),
                service);
        return state;
    }

    /** Reads an incident's spans again, after a statement that worked out their times in the database. */
    void reloadSpans(Connection c, String incidentId) throws SQLException {
        Map<String, Span> reloaded = new TreeMap<>();
        Sql.query(
                c,
                "SELECT * FROM incident_revision WHERE incident_id = ?",
                r -> reloaded.put(r.getString("revision"), span(r)),
                incidentId);
        spans.put(incidentId, reloaded);
    }

    /**
     * Widens a revision's span and readiness, creating it on first sight; true when the revision is new or its
     * readiness changed.
     */
    boolean mergeSpan(String name, ServiceBatch.RevisionSpan span) {
        OptionalLong ready = span.readyNanos() == null ? OptionalLong.empty() : OptionalLong.of(span.readyNanos());
        RevisionRepository.StoredRevision stored = revisions.get(name);
        if (stored == null) {
            revisions.put(
                    name,
                    new RevisionRepository.StoredRevision(
                            name, span.firstNanos(), span.lastNanos(), RevisionProgress.of(List.of(), ready)));
            newRevisions.add(name);
            unsavedRevisions.add(name);
            return true;
        }
        RevisionProgress progress = stored.progress().merge(RevisionProgress.of(List.of(), ready));
        update(new RevisionRepository.StoredRevision(
                name,
                Math.min(stored.firstSeen(), span.firstNanos()),
                Math.max(stored.lastSeen(), span.lastNanos()),
                progress));
        return !progress.readyNanos().equals(stored.progress().readyNanos());
    }

    /** Whether a revision had become ready by an event time: it was serving then. */
    boolean readyBy(String name, long timeNanos) {
        RevisionRepository.StoredRevision stored = revisions.get(name);
        OptionalLong ready =
                stored == null ? OptionalLong.empty() : stored.progress().readyNanos();
        return ready.isPresent() && ready.getAsLong() <= timeNanos;
    }

    /** Merges what a batch showed of a revision's startup into its progress. */
    void mergeProgress(String name, RevisionProgress seen) {
        RevisionRepository.StoredRevision stored = revisions.get(name);
        update(new RevisionRepository.StoredRevision(
                name, stored.firstSeen(), stored.lastSeen(), stored.progress().merge(seen)));
    }

    private void update(RevisionRepository.StoredRevision revision) {
        if (!revision.equals(revisions.put(revision.name(), revision))) {
            unsavedRevisions.add(revision.name());
        }
    }

    /** Whether these rows are the ones stored at this version of the service row. */
    boolean currentAt(Long serviceVersion) {
        return serviceVersion != null && serviceVersion == version;
    }

    Map<String, Span> spanMap(String incidentId) {
        return spans.computeIfAbsent(incidentId, k -> new TreeMap<>());
    }

    Map<String, String> stepMap(String incidentId) {
        return steps.computeIfAbsent(incidentId, k -> new TreeMap<>());
    }

    void remove(String incidentId) {
        incidents.remove(incidentId);
        unsavedIncidents.remove(incidentId);
        spans.remove(incidentId);
        steps.remove(incidentId);
        events.remove(incidentId);
    }

    private static Span span(ResultSet r) throws SQLException {
        return new Span(
                r.getLong("matches"),
                r.getLong("occurrences"),
                r.getLong("explained"),
                r.getLong("first_seen"),
                r.getLong("last_seen"),
                Sql.nullableLong(r, "root_first_seen"));
    }
}
