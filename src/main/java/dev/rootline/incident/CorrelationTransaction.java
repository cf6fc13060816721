package dev.rootline.incident;

import dev.rootline.engine.rca.AttributionChange;
import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.Reattribution;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredSpan;
import dev.rootline.engine.signature.MatchedEvent;
import dev.rootline.engine.signature.SignatureSet;
import dev.rootline.signature.SignatureCatalog;
import dev.rootline.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Applies what ingested events mean for incidents, one service at a time, in one transaction, in four steps
 * (docs/architecture.md, "Life of a batch"): load the service's context under its lock, re-derive the chains the
 * new signals can change ({@link Reattribution}, pure), then persist the signals' places and the incidents' counts
 * and lifecycles. Each service is locked while it is correlated, and what is kept in memory between batches (the
 * {@link ServiceState}, the {@link MatchWindow}) is trusted only while the service row's version is the one it was
 * kept at, so replicas sharing one PostgreSQL, restarts and re-sent entries all end in the same incidents.
 */
@ApplicationScoped
class CorrelationTransaction {

    private final DataSource dataSource;
    private final SignatureCatalog catalog;
    private final MatchRepository matches;
    private final RecentMatches recent;
    private final ServiceStates states;
    private final RevisionRepository revisions;
    private final IncidentAggregates aggregates;
    private final IncidentLifecycle lifecycle;
    private final TemplateStore templates;
    private final CorrelationConfig config;
    /** The signatures by id, worked out once per loaded set rather than once per batch. */
    private volatile LoadedSignatures loaded;

    CorrelationTransaction(
            DataSource dataSource,
            SignatureCatalog catalog,
            MatchRepository matches,
            RecentMatches recent,
            ServiceStates states,
            RevisionRepository revisions,
            IncidentAggregates aggregates,
            IncidentLifecycle lifecycle,
            TemplateStore templates,
            CorrelationConfig config) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.matches = matches;
        this.recent = recent;
        this.states = states;
        this.revisions = revisions;
        this.aggregates = aggregates;
        this.lifecycle = lifecycle;
        this.templates = templates;
        this.config = config;
    }

    /**
     * @throws CorrelationFailedException when the database refused; nothing of the batch is kept, and the same
     *                                    call may be repeated (two processes creating one service race, for one)
     */
    @Transactional
    void correlate(List<MatchedEvent> events) {
        Map<String, ServiceBatch> byService = ServiceBatch.group(events);
        if (byService.isEmpty()) {
            return;
        }
        LoadedSignatures signatures = loaded(catalog.current());
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, ServiceBatch> service : byService.entrySet()) {
                correlate(c, service.getKey(), service.getValue(), signatures);
            }
        } catch (SQLException e) {
            throw new CorrelationFailedException(e);
        }
    }

    private LoadedSignatures loaded(SignatureSet current) {
        LoadedSignatures last = loaded;
        if (last == null || last.set() != current) {
            last = LoadedSignatures.of(current);
            loaded = last;
        }
        return last;
    }

    private void correlate(Connection c, String service, ServiceBatch batch, LoadedSignatures signatures)
            throws SQLException {
        long reach = config.maxChainSpan().toNanos();
        ServiceState kept = states.take(service);
        RevisionRepository.ServiceLock lock =
                revisions.lock(c, batch.scope(), batch.firstNanos(), batch.lastNanos(), kept);
        ServiceState state = states.forBatch(c, service, lock, kept, batch.lastNanos());
        ServiceMatches stored = recent.of(
                new StoredMatches(c, service, matches, signatures),
                lock,
                signatures.set(),
                batch.firstNanos() - reach,
                batch.lastNanos(),
                reach);
        boolean revisionsChanged = false;
        for (Map.Entry<String, ServiceBatch.RevisionSpan> revision :
                batch.revisions().entrySet()) {
            revisionsChanged |= state.mergeSpan(revision.getKey(), revision.getValue());
        }
        List<Signal> fresh = stored.fresh(batch.signals());
        if (fresh.isEmpty() && !revisionsChanged && batch.progress().isEmpty()) {
            revisions.save(c, service, state);
            return; // a replay: nothing new to say
        }
        Placed placed = correlate(c, service, state, stored, fresh, signatures);
        mergeProgress(state, batch, placed);
        revisions.save(c, service, state);
        lifecycle.apply(c, service, state);
    }

    /** The new signals as stored, with their familiarity, and every signal whose place changed. */
    private record Placed(List<Signal> fresh, List<AttributionChange> changes) {}

    /** Places the new signals and moves what they change. */
    private Placed correlate(
            Connection c,
            String service,
            ServiceState state,
            ServiceMatches stored,
            List<Signal> fresh,
            LoadedSignatures signatures)
            throws SQLException {
        Map<String, TemplateStore.Sighting> sightings = templates.mine(
                c, service, fresh.stream().filter(s -> !s.known()).toList(), state::readyBy);
        List<Signal> familiar = fresh.stream()
                .map(s -> sightings.containsKey(s.entryKey())
                        ? s.withFamiliarity(sightings.get(s.entryKey()).familiarity())
                        : s)
                .toList();
        Correlator correlator = new Correlator(config.window(), config.clockSkew());
        long reach = config.maxChainSpan().toNanos();
        List<AttributionChange> changes = new ArrayList<>();
        // runs whose chains cannot meet, re-derived one by one: a batch mixing old and new entries (a backfill, two
        // sources far apart) does not read everything between them
        for (List<Signal> run : Signal.runs(familiar, 2 * reach)) {
            // lines within the clock skew before the run are as much in play as its own
            long from = run.get(0).timeNanos() - config.clockSkew().toNanos();
            long to = run.get(run.size() - 1).timeNanos() + reach;
            StoredSpan span = stored.around(from - reach, from, to, signatures.context());
            Reattribution reattribution =
                    Reattribution.derive(service, correlator, run, span, from, state::occurrences, stored::ofIncidents);
            stored.store(reattribution, sightings);
            changes.addAll(reattribution.changes());
        }
        aggregates.apply(c, service, state, changes, signatures);
        return new Placed(familiar, changes);
    }

    /** Moves on the startup progress of every revision in the batch, and of those whose incidents changed. */
    private static void mergeProgress(ServiceState state, ServiceBatch batch, Placed placed) {
        Set<String> affected = new TreeSet<>(batch.revisions().keySet());
        placed.changes().forEach(change -> affected.add(change.signal().revision()));
        List<Signal> progressing = new ArrayList<>(batch.progress());
        progressing.addAll(placed.fresh());
        Map<String, List<Signal>> byRevision = progressing.stream().collect(Collectors.groupingBy(Signal::revision));
        for (String revision : affected) {
            state.mergeProgress(
                    revision, RevisionProgress.of(byRevision.getOrDefault(revision, List.of()), OptionalLong.empty()));
        }
    }
}
