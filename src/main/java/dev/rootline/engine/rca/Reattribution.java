package dev.rootline.engine.rca;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What new signals change in the chains around them (docs/architecture.md, "Life of a batch"): where each new
 * signal goes, which stored signals move or leave their incident, and the changes the incidents' counts follow.
 *
 * <p>A stored signal before the batch ({@code from}) keeps what it has, but may gain an incident: new signals never
 * explain what came before them, though an unknown error may become the candidate root of a failure after it. When
 * every root of an incident leaves it while signals outside the span still count under it, those are read too
 * ({@code ofIncidents}) and correlated again, so effects follow their root and no signal is left under an incident
 * that no longer exists.
 *
 * @param inserted the new signals, each with its place (incident and depth null when nowhere)
 * @param moved stored signals now placed elsewhere
 * @param detached stored signals that belong to no incident any more
 * @param changes every signal whose place changed, new ones included
 */
public record Reattribution(
        List<StoredMatch> inserted, List<StoredMatch> moved, List<Signal> detached, List<AttributionChange> changes) {

    /** Rounds of reading the signals of emptied incidents: each round follows a root one incident further. */
    static final int MAX_STRANDED_ROUNDS = 3;

    /**
     * @param span the stored signals the new ones can meet, with their places
     * @param occurrences the root occurrences an incident counts now, by id
     * @param ofIncidents the stored signals counted under these incidents
     */
    public static Reattribution derive(
            String service,
            Correlator correlator,
            List<Signal> fresh,
            StoredSpan span,
            long from,
            ToLongFunction<String> occurrences,
            Function<Set<String>, List<StoredMatch>> ofIncidents) {
        Round round = new Round(service, from);
        Map<Signal, Attribution> attributed = round.correlate(correlator, fresh, span, occurrences, ofIncidents);
        return round.diff(fresh, attributed);
    }

    /** One derivation's bookkeeping: incident ids made once per root, and the rows read for emptied incidents. */
    private static final class Round {
        private final String service;
        private final long from;
        /** A crash loop's many roots share a few incidents: each root's id (a fingerprint and a hash) is made once. */
        private final Map<IncidentKey, String> ids = new HashMap<>();

        private final Map<Signal, String> incidentOfRoot = new IdentityHashMap<>();
        private final Set<Signal> stranded = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The stored rows whose place the correlation may change: the span's, or only those the reach placed. */
        private List<StoredMatch> rows;

        Round(String service, long from) {
            this.service = service;
            this.from = from;
        }

        Map<Signal, Attribution> correlate(
                Correlator correlator,
                List<Signal> fresh,
                StoredSpan span,
                ToLongFunction<String> occurrences,
                Function<Set<String>, List<StoredMatch>> ofIncidents) {
            List<StoredMatch> recent = span.recent();
            List<Signal> open = new ArrayList<>(fresh.size() + recent.size()); // what this round places
            open.addAll(fresh);
            recent.forEach(row -> open.add(row.signal()));
            // most batches are decided by the part of the span their chains reach, found without walking the span
            Optional<Map<Signal, Attribution>> reached = correlator.inReach(open, fresh, span);
            if (reached.isPresent()
                    && emptied(recent, reached.get(), occurrences).isEmpty()) {
                // the roots before the batch it placed, which may gain an incident, then the batch's rows
                rows = reached.get().keySet().stream()
                        .filter(s -> s.timeNanos() < from)
                        .sorted(Correlator.EVENT_ORDER)
                        .map(span::rowOf)
                        .collect(Collectors.toCollection(ArrayList::new));
                rows.addAll(recent);
                return reached.get();
            }
            rows = span.all();
            // the rows first: they come in event order, so sorting them with the few new ones is a merge
            List<Signal> all = new ArrayList<>(fresh.size() + rows.size());
            rows.forEach(row -> all.add(row.signal()));
            all.addAll(fresh);
            Set<String> held = new HashSet<>();
            for (int round = 0; ; round++) {
                Map<Signal, Attribution> attributed = correlator.correlate(all);
                Set<String> emptied = emptied(rows, attributed, occurrences);
                if (!emptied.isEmpty() && held.isEmpty()) {
                    all.forEach(s -> held.add(s.storedKey())); // only now: rows read for emptied incidents are rare
                }
                List<StoredMatch> more = emptied.isEmpty() || round == MAX_STRANDED_ROUNDS
                        ? List.of()
                        : ofIncidents.apply(emptied).stream()
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
         * The incidents whose every root this correlation moves elsewhere. A root that stays its own root keeps its
         * incident (an incident is named by its root), so ids are made only when some root left, for roots gained.
         */
        private Set<String> emptied(
                List<StoredMatch> rows, Map<Signal, Attribution> attributed, ToLongFunction<String> occurrences) {
            Map<String, Long> left = new HashMap<>();
            for (StoredMatch row : rows) {
                if (!row.root() || keeps(row)) {
                    continue;
                }
                Attribution now = attributed.get(row.signal());
                if (now == null || now.root() != row.signal()) {
                    left.merge(row.incidentId(), 1L, Long::sum);
                }
            }
            if (left.isEmpty()) {
                return Set.of();
            }
            Set<Signal> wereRoots = Collections.newSetFromMap(new IdentityHashMap<>());
            rows.stream().filter(StoredMatch::root).forEach(r -> wereRoots.add(r.signal()));
            for (Attribution a : attributed.values()) {
                Signal s = a.signal();
                if (s == a.root() && !wereRoots.contains(s) && (s.timeNanos() >= from || stranded.contains(s))) {
                    left.computeIfPresent(incidentOf(a), (id, n) -> n - 1);
                }
            }
            Set<String> emptied = new TreeSet<>();
            left.forEach((id, lost) -> {
                if (lost > 0 && occurrences.applyAsLong(id) - lost <= 0) {
                    emptied.add(id);
                }
            });
            return emptied;
        }

        Reattribution diff(List<Signal> fresh, Map<Signal, Attribution> attributed) {
            List<StoredMatch> inserted = new ArrayList<>();
            List<AttributionChange> changes = new ArrayList<>();
            for (Signal s : fresh) {
                StoredMatch placed = place(s, attributed.get(s));
                inserted.add(placed);
                if (placed.incidentId() != null) {
                    changes.add(AttributionChange.placed(s, attributed.get(s), placed.incidentId()));
                }
            }
            List<StoredMatch> moved = new ArrayList<>();
            List<Signal> detached = new ArrayList<>();
            for (StoredMatch row : rows) {
                // before the batch a row can only gain an incident
                boolean keeps = keeps(row);
                if (keeps && row.incidentId() != null) {
                    continue;
                }
                StoredMatch now = place(row.signal(), attributed.get(row.signal()));
                if (keeps && now.incidentId() == null || row.samePlace(now)) {
                    continue;
                }
                changes.add(new AttributionChange(
                        row.signal(), row.incidentId(), row.depth(), attributed.get(row.signal()), now.incidentId()));
                if (now.incidentId() == null) {
                    detached.add(row.signal());
                } else {
                    moved.add(now);
                }
            }
            return new Reattribution(inserted, moved, detached, changes);
        }

        /** Rows before the batch keep what they have, unless read because their incident emptied. */
        private boolean keeps(StoredMatch row) {
            return row.signal().timeNanos() < from && (stranded.isEmpty() || !stranded.contains(row.signal()));
        }

        private StoredMatch place(Signal s, Attribution a) {
            return a == null ? new StoredMatch(s, null, null) : new StoredMatch(s, incidentOf(a), a.depth());
        }

        private String incidentOf(Attribution a) {
            return incidentOfRoot.computeIfAbsent(
                    a.root(), root -> ids.computeIfAbsent(a.incident(service), IncidentKey::id));
        }
    }
}
