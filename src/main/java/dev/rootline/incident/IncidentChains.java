package dev.rootline.incident;

import dev.rootline.engine.rca.IncidentNaming;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps each incident's chain steps in step with the signals attributed to it: a step per signature, counting its
 * lines, with the earliest as its evidence. The evidence is read back only when a removal may have taken it.
 */
@ApplicationScoped
class IncidentChains {

    /** The order {@link IncidentNaming#order} strings sort in, without formatting them for each comparison. */
    private static final Comparator<Signal> FIRST = Comparator.comparingLong(Signal::timeNanos)
            .thenComparing(s -> s.insertId() == null ? "" : s.insertId())
            .thenComparing(Signal::entryKey);

    private final ChainSteps steps;
    private final MatchRepository matches;

    IncidentChains(ChainSteps steps, MatchRepository matches) {
        this.steps = steps;
        this.matches = matches;
    }

    /** Applies one incident's deltas to its steps, in the database and in the state's step map. */
    void apply(Connection c, ServiceState state, String id, List<IncidentDelta> deltas, LoadedSignatures signatures)
            throws SQLException {
        Map<String, String> firstOrders = state.stepMap(id);
        Map<String, List<IncidentDelta>> bySignature =
                IncidentDelta.group(deltas, d -> d.signal().signatureId());
        steps.addCounts(c, id, counted(bySignature, firstOrders.keySet()));
        Set<String> entering = IncidentDelta.keys(deltas, true);
        Set<String> leaving = IncidentDelta.keys(deltas, false);
        for (Map.Entry<String, List<IncidentDelta>> step : bySignature.entrySet()) {
            apply(c, id, step.getKey(), step.getValue(), entering, leaving, firstOrders, signatures);
        }
    }

    /** What to add to the counts of the steps stored: a step made now is inserted with its count. */
    private static Map<String, Long> counted(Map<String, List<IncidentDelta>> bySignature, Set<String> stored) {
        Map<String, Long> added = new TreeMap<>();
        bySignature.forEach((signature, changes) -> added.put(signature, IncidentDelta.sum(changes, d -> true)));
        added.keySet().retainAll(stored);
        return added;
    }

    /** {@code firstOrders}: by signature, each stored step's evidence line's place in event order. */
    private void apply(
            Connection c,
            String id,
            String signatureId,
            List<IncidentDelta> deltas,
            Set<String> entering,
            Set<String> leaving,
            Map<String, String> firstOrders,
            LoadedSignatures signatures)
            throws SQLException {
        IncidentDelta first = deltas.stream()
                .filter(IncidentDelta::added)
                .min(Comparator.comparing(IncidentDelta::signal, FIRST))
                .orElse(null);
        String firstOrder = firstOrders.get(signatureId);
        if (firstOrder == null) {
            if (first != null) {
                firstOrders.put(signatureId, IncidentNaming.order(first.signal()));
                steps.insert(c, id, first.signal(), first.depth(), IncidentDelta.sum(deltas, d -> true));
            }
            return;
        }
        for (IncidentDelta moved : deltas) {
            if (moved.added() && leaving.contains(moved.signal().storedKey())) {
                steps.setDepth(c, id, moved.signal(), moved.depth());
            }
        }
        if (IncidentDelta.removal(deltas, entering)) {
            reread(c, id, signatureId, firstOrders, signatures);
        } else if (first != null && IncidentNaming.order(first.signal()).compareTo(firstOrder) < 0) {
            // compared here, not in SQL: PostgreSQL would compare with the column's locale collation
            setEvidence(c, id, first.signal(), first.depth(), firstOrders);
        }
    }

    /** After a removal: the step goes when its count is spent, else its evidence is read back. */
    private void reread(
            Connection c, String id, String signatureId, Map<String, String> firstOrders, LoadedSignatures signatures)
            throws SQLException {
        if (steps.deleteIfEmpty(c, id, signatureId)) {
            firstOrders.remove(signatureId);
            return;
        }
        StoredMatch earliest = matches.earliest(c, id, signatureId, signatures);
        if (earliest != null) {
            setEvidence(c, id, earliest.signal(), earliest.depth(), firstOrders);
        }
    }

    private void setEvidence(Connection c, String id, Signal evidence, int depth, Map<String, String> firstOrders)
            throws SQLException {
        firstOrders.put(evidence.signatureId(), IncidentNaming.order(evidence));
        steps.setEvidence(c, id, evidence, depth);
    }
}
