package dev.rootline.incident;

import dev.rootline.engine.rca.AttributionChange;
import dev.rootline.engine.rca.IncidentNaming;
import dev.rootline.engine.rca.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each incident's counts, chain steps and per-revision occurrences in step with the matches attributed to
 * it, by applying each change as a delta: a crash loop's tenth hour costs a batch what its first did. Only what
 * a removal can leave stale (a first or last time, an evidence line) is read back from the matches. The counts
 * and times it starts from are the service's {@link ServiceState}, which it keeps current.
 */
@ApplicationScoped
class IncidentAggregates {

    /** Root lines whose fields are merged into the title: "rejected DATABASE_HOST, DATABASE_PASSWORD". */
    private static final int TITLE_SAMPLE = 50;

    private final MatchRepository matches;
    private final IncidentTable incidents;
    private final IncidentRevisions revisions;
    private final IncidentChains chains;
    /** Root lines this close after the latest burst's first one name the incident with it. */
    private final long windowNanos;

    IncidentAggregates(
            MatchRepository matches,
            IncidentTable incidents,
            IncidentRevisions revisions,
            IncidentChains chains,
            CorrelationConfig config) {
        this.matches = matches;
        this.incidents = incidents;
        this.revisions = revisions;
        this.chains = chains;
        this.windowNanos = config.window().toNanos();
    }

    /**
     * Applies the changes to the database and to the service's state. The incidents' totals are left in the state
     * for {@link IncidentLifecycle} to write, with their status.
     */
    void apply(
            Connection c,
            String service,
            ServiceState state,
            List<AttributionChange> changes,
            LoadedSignatures signatures)
            throws SQLException {
        for (Map.Entry<String, List<IncidentDelta>> incident :
                IncidentDelta.byIncident(changes).entrySet()) {
            apply(c, service, state, incident.getKey(), incident.getValue(), signatures);
        }
    }

    private void apply(
            Connection c,
            String service,
            ServiceState state,
            String id,
            List<IncidentDelta> deltas,
            LoadedSignatures signatures)
            throws SQLException {
        IncidentDelta added =
                deltas.stream().filter(IncidentDelta::added).findFirst().orElse(null);
        if (added != null && !state.incidents.containsKey(id)) {
            state.incidents.put(id, incidents.insert(c, service, id, added.now().root()));
        }
        Set<String> entering = IncidentDelta.keys(deltas, true);
        for (Map.Entry<String, List<IncidentDelta>> revision :
                IncidentDelta.group(deltas, d -> d.signal().revision()).entrySet()) {
            applyRevision(c, state, id, revision.getKey(), revision.getValue(), entering);
        }
        chains.apply(c, state, id, deltas, signatures);
        if (state.spans(id).values().stream()
                                .mapToLong(ServiceState.Span::matches)
                                .sum()
                        <= 0
                || state.occurrences(id) <= 0) {
            delete(c, state, id);
            return;
        }
        state.changed(state.withTotals(id));
        if (deltas.stream().anyMatch(IncidentDelta::root)) {
            rename(c, state, id, deltas, signatures);
        }
    }

    /** The incident's steps, revision counts and timeline go with its row: the schema cascades. */
    private void delete(Connection c, ServiceState state, String id) throws SQLException {
        incidents.delete(c, id);
        state.remove(id);
    }

    /**
     * Without a removal a revision's new times follow from the stored ones; after one, they are read back from
     * the matches left. A signal that only changed depth within the incident is no removal.
     */
    private void applyRevision(
            Connection c,
            ServiceState state,
            String id,
            String revision,
            List<IncidentDelta> deltas,
            Set<String> entering)
            throws SQLException {
        ServiceState.Span stored = state.spans(id).get(revision);
        if (stored == null) {
            ServiceState.Span span = IncidentDelta.span(deltas);
            revisions.insert(c, id, revision, span);
            state.putSpan(id, revision, span);
            return;
        }
        if (stored.matches() + IncidentDelta.sum(deltas, d -> true) <= 0) {
            revisions.delete(c, id, revision);
            state.removeSpan(id, revision);
            return;
        }
        boolean reread =
                IncidentDelta.removal(deltas, entering) || deltas.stream().anyMatch(d -> !d.added() && d.root());
        ServiceState.Span span = IncidentDelta.applied(stored, deltas, reread ? matches.times(c, id, revision) : null);
        revisions.update(c, id, revision, span);
        state.putSpan(id, revision, span);
    }

    /**
     * Names the incident after the burst its root last started in: the latest revision's first root line and the
     * root lines within one window of it, their fields listed together. Root lines added after that burst leave
     * the name as it is, so a crash loop's later batches do not read the burst again.
     */
    private void rename(
            Connection c, ServiceState state, String id, List<IncidentDelta> deltas, LoadedSignatures signatures)
            throws SQLException {
        record Latest(String revision, long rootFirst) {}
        Latest latest = state.spans(id).entrySet().stream()
                .filter(e -> e.getValue().rootFirstSeen() != null)
                .map(e -> new Latest(e.getKey(), e.getValue().rootFirstSeen()))
                .max(Comparator.comparingLong(Latest::rootFirst).thenComparing(Latest::revision))
                .orElse(null);
        if (latest == null
                || deltas.stream()
                        .filter(IncidentDelta::root)
                        .noneMatch(d -> !d.added()
                                || d.signal().revision().equals(latest.revision())
                                        && d.signal().timeNanos() <= latest.rootFirst() + windowNanos)) {
            return;
        }
        List<Signal> burst = matches.roots(
                c,
                id,
                latest.revision(),
                latest.rootFirst(),
                latest.rootFirst() + windowNanos,
                TITLE_SAMPLE,
                signatures);
        if (!burst.isEmpty()) {
            incidents.rename(c, id, IncidentNaming.of(burst), latest.revision());
            state.incidents.put(id, state.incidents.get(id).withRevision(latest.revision()));
        }
    }
}
