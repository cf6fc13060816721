package dev.rootline.incident;

import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.IncidentKey;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.CompiledSignature;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import dev.rootline.search.LogStore.StoredEvent;
import dev.rootline.signature.SignatureCatalog;
import dev.rootline.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Applies what ingested events mean for incidents, in one transaction. All correlation state is in the
 * database and each service is locked while it is correlated, so replicas sharing one PostgreSQL, restarts and
 * re-sent entries all end in the same incidents. Chains are re-derived from the stored matches around the batch,
 * which is what makes the outcome independent of arrival order.
 */
@ApplicationScoped
class CorrelationTransaction {

    private final DataSource dataSource;
    private final SignatureCatalog catalog;
    private final MatchRepository matches;
    private final RevisionRepository revisions;
    private final IncidentAggregates aggregates;
    private final IncidentLifecycle lifecycle;
    private final TemplateStore templates;
    private final RecentMatches recent;
    private final ServiceStates states;
    private final RootlineConfig.Correlation config;
    /** Rounds of reading the rows of emptied incidents: each round follows a root one incident further. */
    private static final int MAX_STRANDED_ROUNDS = 3;

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
            RootlineConfig config) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.matches = matches;
        this.recent = recent;
        this.states = states;
        this.revisions = revisions;
        this.aggregates = aggregates;
        this.lifecycle = lifecycle;
        this.templates = templates;
        this.config = config.correlation();
    }

    /**
     * @throws CorrelationFailedException when the database refused; nothing of the batch is kept, and the same
     *                                    call may be repeated (two processes creating one service race, for one)
     */
    @Transactional
    void correlate(List<StoredEvent> events) {
        Map<String, ServiceBatch> byService = ServiceBatch.group(events);
        if (byService.isEmpty()) {
            return;
        }
        SignatureSet signatureSet = catalog.current();
        Map<String, SignatureDefinition> signatures = signatureSet.signatures().stream()
                .map(CompiledSignature::definition)
                .collect(Collectors.toMap(SignatureDefinition::id, d -> d, (a, b) -> a));
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, ServiceBatch> service : byService.entrySet()) {
                correlate(c, service.getKey(), service.getValue(), signatureSet, signatures);
            }
        } catch (SQLException e) {
            throw new CorrelationFailedException(e);
        }
    }

    private void correlate(
            Connection c,
            String service,
            ServiceBatch batch,
            SignatureSet signatureSet,
            Map<String, SignatureDefinition> signatures)
            throws SQLException {
        long first = batch.revisions().values().stream()
                .mapToLong(ServiceBatch.RevisionSpan::firstNanos)
                .min()
                .orElseThrow();
        long last = batch.revisions().values().stream()
                .mapToLong(ServiceBatch.RevisionSpan::lastNanos)
                .max()
                .orElseThrow();
        long reach = config.maxChainSpan().toNanos();
        ServiceState kept = states.take(service);
        RevisionRepository.ServiceLock lock = revisions.lock(c, batch.scope(), first, last, kept);
        ServiceState state = kept != null && kept.currentAt(lock.previousVersion())
                ? kept
                : lock.previousVersion() == null
                        ? ServiceState.empty()
                        : ServiceState.load(c, service, revisions.all(c, service));
        states.keepAfterCommit(service, state, lock, last);
        MatchWindow window = recent.take(c, service, lock, signatureSet, first - reach, last, reach, signatures::get);
        boolean revisionsChanged = false;
        for (Map.Entry<String, ServiceBatch.RevisionSpan> revision :
                batch.revisions().entrySet()) {
            revisionsChanged |= state.mergeSpan(revision.getKey(), revision.getValue());
        }
        List<Signal> stored = window != null && window.covers(first)
                ? window.fresh(batch.signals())
                : matches.fresh(c, service, batch.signals());
        if (stored.isEmpty() && !revisionsChanged && batch.progress().isEmpty()) {
            revisions.save(c, service, state);
            return; // a replay: nothing new to say
        }
        Map<String, TemplateStore.Sighting> sightings = templates.mine(
                c,
                service,
                stored.stream().filter(s -> !s.known()).toList(),
                (revision, at) -> state.readyBy(revision, at));
        List<Signal> fresh = stored.stream()
                .map(s -> sightings.containsKey(s.entryKey())
                        ? s.withFamiliarity(sightings.get(s.entryKey()).familiarity())
                        : s)
                .toList();
        Set<String> affectedRevisions = new TreeSet<>(batch.revisions().keySet()); // every revision in the batch
        if (!fresh.isEmpty()) {
            List<AttributionChange> changes = new ArrayList<>();
            // runs whose chains cannot meet, re-derived one by one: a batch mixing old and new entries (a backfill,
            // two sources far apart) does not read everything between them
            for (List<Signal> span : Signal.runs(fresh, 2 * reach)) {
                changes.addAll(reattribute(c, service, state, span, signatures, sightings, window));
            }
            changes.forEach(change -> affectedRevisions.add(change.signal().revision()));
            aggregates.apply(c, service, state, changes, config.window().toNanos(), signatures::get);
        }
        List<Signal> progressing = new ArrayList<>(batch.progress());
        progressing.addAll(fresh);
        Map<String, List<Signal>> freshByRevision =
                progressing.stream().collect(Collectors.groupingBy(Signal::revision));
        for (String revision : affectedRevisions) {
            state.mergeProgress(
                    revision,
                    RevisionProgress.of(freshByRevision.getOrDefault(revision, List.of()), OptionalLong.empty()));
        }
        revisions.save(c, service, state);
        lifecycle.apply(c, service, state);
        if (window != null) {
            // a live batch starts at most a chain span before the latest time: twice that is kept for stragglers
            window.dropBefore(Math.max(last, lock.lastSeen() == null ? last : lock.lastSeen()) - 2 * reach);
        }
    }

    /**
     * Re-derives the chains that new signals can change: those from the earliest new signal to one chain span
     * after the last, seen with one chain span of context before (of the signals that can explain or be a
     * candidate only). Returns the signals whose attribution changed. Reads from {@code window} when it covers the
     * context, else from the database; writes to the database and to the window, if any.
     */
    private List<AttributionChange> reattribute(
            Connection c,
            String service,
            ServiceState state,
            List<Signal> fresh,
            Map<String, SignatureDefinition> signatures,
            Map<String, TemplateStore.Sighting> sightings,
            MatchWindow window)
            throws SQLException {
        long reach = config.maxChainSpan().toNanos();
        // lines within the clock skew before the batch are as much in play as the batch's own
        long from = fresh.stream().mapToLong(Signal::timeNanos).min().orElseThrow()
                - config.clockSkew().toNanos();
        long to = fresh.stream().mapToLong(Signal::timeNanos).max().orElseThrow() + reach;
        Set<String> context = new TreeSet<>(List.of(Signal.UNKNOWN_ERROR));
        signatures.values().stream().filter(d -> !d.explains().isEmpty()).forEach(d -> context.add(d.id()));
        List<MatchRepository.Row> rows = new ArrayList<>(
                window != null && window.covers(from - reach)
                        ? window.load(from - reach, from, to, context)
                        : matches.load(c, service, from - reach, from, to, context, signatures::get));
        // a crash loop's many roots share a few incidents: each root's id (a fingerprint and a hash) is made once
        Map<IncidentKey, String> ids = new HashMap<>();
        Set<Signal> stranded = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Signal, Attribution> attributed =
                correlate(c, service, state, fresh, rows, from, ids, stranded, signatures);
        Map<Signal, String> incidentOfRoot = new IdentityHashMap<>();
        Function<Signal, MatchRepository.Row> placement = s -> {
            Attribution a = attributed.get(s);
            return a == null
                    ? null
                    : new MatchRepository.Row(
                            s,
                            incidentOfRoot.computeIfAbsent(
                                    a.root(), root -> ids.computeIfAbsent(a.incident(service), IncidentKey::id)),
                            a.depth());
        };
        matches.insert(c, service, fresh, placement, sightings);
        if (window != null) {
            window.insert(fresh, placement);
        }
        List<AttributionChange> changes = new ArrayList<>();
        for (Signal s : fresh) {
            MatchRepository.Row now = placement.apply(s);
            if (now != null) {
                changes.add(new AttributionChange(s, null, null, attributed.get(s), now.incidentId()));
            }
        }
        List<MatchRepository.Row> attribute = new ArrayList<>();
        List<Signal> detach = new ArrayList<>();
        for (MatchRepository.Row row : rows) {
            Signal s = row.signal();
            MatchRepository.Row now = placement.apply(s);
            if (s.timeNanos() < from && !stranded.contains(s) && (now == null || row.incidentId() != null)) {
                // before the batch a row can only gain an incident (an unknown error becoming the candidate root
                // of a failure after it); what it has stays, since new signals never explain what came before
                continue;
            }
            String incident = now == null ? null : now.incidentId();
            if (Objects.equals(incident, row.incidentId())
                    && Objects.equals(now == null ? null : now.depth(), row.depth())) {
                continue;
            }
            changes.add(new AttributionChange(s, row.incidentId(), row.depth(), attributed.get(s), incident));
            if (now == null) {
                detach.add(s);
            } else {
                attribute.add(now);
            }
        }
        matches.attribute(c, service, attribute);
        matches.detach(c, service, detach);
        if (window != null) {
            window.attribute(attribute);
            window.detach(detach);
        }
        return changes;
    }

    /**
     * Correlates the batch with its context; then, while some incident would be left without a root (its roots
     * went to another incident) though rows outside the span still count under it, once more with those rows too:
     * effects counted under a failure far from them follow its root wherever it goes, so no row is left under an
     * incident that no longer exists. Adds the rows read to {@code rows} and to {@code stranded}.
     */
    private Map<Signal, Attribution> correlate(
            Connection c,
            String service,
            ServiceState state,
            List<Signal> fresh,
            List<MatchRepository.Row> rows,
            long from,
            Map<IncidentKey, String> ids,
            Set<Signal> stranded,
            Map<String, SignatureDefinition> signatures)
            throws SQLException {
        Correlator correlator = new Correlator(config.window(), config.clockSkew());
        List<Signal> all = new ArrayList<>(fresh);
        rows.forEach(row -> all.add(row.signal()));
        Set<String> held = new HashSet<>();
        all.forEach(s -> held.add(s.storedKey()));
        for (int round = 0; ; round++) {
            // by identity: the Correlator returns the very signals it was given
            Map<Signal, Attribution> attributed = new IdentityHashMap<>();
            correlator.correlate(all).forEach(a -> attributed.put(a.signal(), a));
            Set<String> emptied = emptied(service, state, rows, attributed, from, ids, stranded);
            List<MatchRepository.Row> more = emptied.isEmpty() || round == MAX_STRANDED_ROUNDS
                    ? List.of()
                    : matches.ofIncidents(c, service, emptied, signatures::get).stream()
                            .filter(row -> held.add(row.signal().storedKey()))
                            .toList();
            if (more.isEmpty()) {
                return attributed;
            }
            rows.addAll(more);
            more.forEach(row -> {
                all.add(row.signal());
                stranded.add(row.signal());
            });
        }
    }

    /**
     * The incidents whose every root this correlation moves elsewhere (by the roots the service state counts). A
     * root that stays its own root keeps its incident (an incident is named by its root), so ids are made only when
     * some root left, for the roots gained.
     */
    private static Set<String> emptied(
            String service,
            ServiceState state,
            List<MatchRepository.Row> rows,
            Map<Signal, Attribution> attributed,
            long from,
            Map<IncidentKey, String> ids,
            Set<Signal> stranded) {
        Map<String, Long> left = new HashMap<>();
        for (MatchRepository.Row row : rows) {
            Signal s = row.signal();
            boolean kept = s.timeNanos() < from && !stranded.contains(s); // rows before the batch keep what they have
            Attribution now = attributed.get(s);
            if (row.incidentId() != null
                    && Integer.valueOf(0).equals(row.depth())
                    && !kept
                    && (now == null || now.root() != s)) {
                left.merge(row.incidentId(), 1L, Long::sum);
            }
        }
        if (left.isEmpty()) {
            return Set.of();
        }
        Set<Signal> wereRoots = Collections.newSetFromMap(new IdentityHashMap<>());
        rows.stream().filter(r -> Integer.valueOf(0).equals(r.depth())).forEach(r -> wereRoots.add(r.signal()));
        for (Attribution a : attributed.values()) {
            if (a.signal() == a.root()
                    && !wereRoots.contains(a.signal())
                    && (a.signal().timeNanos() >= from || stranded.contains(a.signal()))) {
                left.computeIfPresent(ids.computeIfAbsent(a.incident(service), IncidentKey::id), (id, n) -> n - 1);
            }
        }
        Set<String> emptied = new TreeSet<>();
        left.forEach((id, lost) -> {
            long counted = state.spanMap(id).values().stream()
                    .mapToLong(ServiceState.Span::occurrences)
                    .sum();
            if (lost > 0 && counted - lost <= 0) {
                emptied.add(id);
            }
        });
        return emptied;
    }
}
