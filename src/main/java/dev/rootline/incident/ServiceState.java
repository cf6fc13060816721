package dev.rootline.incident;

import dev.rootline.engine.rca.IncidentStatus;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's revisions and incidents as stored: everything correlation reads of them besides the matches. Read
 * once ({@link ServiceStates#load}), then kept between batches and changed with every write, so a batch of a live
 * service reads none of it back. Its owners write each change to their table and here alike.
 */
final class ServiceState {

    /** An incident's row, as far as correlation reads it. */
    record Incident(
            String id,
            SignatureSeverity severity,
            String revision,
            long explained,
            IncidentStatus status,
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

        Incident withLifecycle(IncidentStatus status, String resolvedBy, String uncoveredBy, String sortKey) {
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

    /** The state of these stored rows. */
    static ServiceState of(
            List<RevisionRepository.StoredRevision> revisions,
            Collection<Incident> incidents,
            Map<String, Map<String, Span>> spans,
            Map<String, Map<String, String>> steps,
            Map<String, Set<TimelineEvent>> events) {
        ServiceState state = new ServiceState();
        revisions.forEach(r -> state.revisions.put(r.name(), r));
        incidents.forEach(i -> state.incidents.put(i.id(), i));
        state.spans.putAll(spans);
        state.steps.putAll(steps);
        state.events.putAll(events);
        return state;
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

    /** An incident's spans by revision, unmodifiable: its owner changes them through {@link #putSpan}. */
    Map<String, Span> spans(String incidentId) {
        return Collections.unmodifiableMap(spans.getOrDefault(incidentId, Map.of()));
    }

    void putSpan(String incidentId, String revision, Span span) {
        spans.computeIfAbsent(incidentId, k -> new TreeMap<>()).put(revision, span);
    }

    void removeSpan(String incidentId, String revision) {
        spans.getOrDefault(incidentId, new TreeMap<>()).remove(revision);
    }

    /** The root occurrences an incident counts, over its revisions. */
    long occurrences(String incidentId) {
        return spans(incidentId).values().stream().mapToLong(Span::occurrences).sum();
    }

    Map<String, String> stepMap(String incidentId) {
        return steps.computeIfAbsent(incidentId, k -> new TreeMap<>());
    }

    /** An incident with its totals worked out anew from its spans. */
    Incident withTotals(String incidentId) {
        Collection<Span> all = spans(incidentId).values();
        return incidents
                .get(incidentId)
                .withTotals(
                        all.stream().mapToLong(Span::explained).sum(),
                        all.stream().mapToLong(Span::firstSeen).min().orElseThrow(),
                        all.stream().mapToLong(Span::lastSeen).max().orElseThrow());
    }

    /** Records an incident's row as changed: it is written with its lifecycle. */
    void changed(Incident incident) {
        incidents.put(incident.id(), incident);
        unsavedIncidents.add(incident.id());
    }

    void remove(String incidentId) {
        incidents.remove(incidentId);
        unsavedIncidents.remove(incidentId);
        spans.remove(incidentId);
        steps.remove(incidentId);
        events.remove(incidentId);
    }
}
