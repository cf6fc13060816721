package dev.rootline.incident;

import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.AttributionChange;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** One signal entering (+1) or leaving (-1) an incident at a depth: what an incident's counts move by. */
record IncidentDelta(Signal signal, int depth, int sign, Attribution now) {

    boolean root() {
        return depth == 0;
    }

    boolean added() {
        return sign > 0;
    }

    boolean explained() {
        return depth > 0 && (signal.is(Role.EFFECT) || signal.is(Role.SYMPTOM));
    }

    /** The changes as deltas, by incident id. */
    static Map<String, List<IncidentDelta>> byIncident(List<AttributionChange> changes) {
        Map<String, List<IncidentDelta>> out = new TreeMap<>();
        for (AttributionChange change : changes) {
            if (change.oldIncident() != null) {
                out.computeIfAbsent(change.oldIncident(), k -> new ArrayList<>())
                        .add(new IncidentDelta(change.signal(), change.oldDepth(), -1, null));
            }
            if (change.now() != null) {
                out.computeIfAbsent(change.incident(), k -> new ArrayList<>())
                        .add(new IncidentDelta(change.signal(), change.now().depth(), 1, change.now()));
            }
        }
        return out;
    }

    static long sum(List<IncidentDelta> deltas, Predicate<IncidentDelta> which) {
        return deltas.stream().filter(which).mapToLong(IncidentDelta::sign).sum();
    }

    static <K> Map<K, List<IncidentDelta>> group(List<IncidentDelta> deltas, Function<IncidentDelta, K> key) {
        return deltas.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    /** The stored keys of the signals added, or of those removed. */
    static Set<String> keys(List<IncidentDelta> deltas, boolean added) {
        return deltas.stream()
                .filter(d -> d.added() == added)
                .map(d -> d.signal().storedKey())
                .collect(Collectors.toSet());
    }

    /** Whether a signal left for good: moved out, not just to another depth within the incident. */
    static boolean removal(List<IncidentDelta> deltas, Set<String> entering) {
        return deltas.stream()
                .anyMatch(d -> !d.added() && !entering.contains(d.signal().storedKey()));
    }

    /** A revision's span made of these deltas alone: the incident's first lines in it. */
    static ServiceState.Span span(List<IncidentDelta> deltas) {
        List<IncidentDelta> adds = deltas.stream().filter(IncidentDelta::added).toList();
        return new ServiceState.Span(
                sum(deltas, d -> true),
                sum(deltas, IncidentDelta::root),
                sum(deltas, IncidentDelta::explained),
                earliest(adds, d -> true),
                latest(adds),
                earliest(adds, IncidentDelta::root));
    }

    /**
     * A stored span moved on by these deltas: the counts by their sum, the times by theirs, or, when a removal may
     * have taken the first or last line, as {@code reread} from the matches left.
     */
    static ServiceState.Span applied(
            ServiceState.Span stored, List<IncidentDelta> deltas, MatchRepository.Times reread) {
        List<IncidentDelta> adds = deltas.stream().filter(IncidentDelta::added).toList();
        return new ServiceState.Span(
                stored.matches() + sum(deltas, d -> true),
                stored.occurrences() + sum(deltas, IncidentDelta::root),
                stored.explained() + sum(deltas, IncidentDelta::explained),
                reread != null ? reread.first() : earlier(stored.firstSeen(), earliest(adds, d -> true)),
                reread != null ? reread.last() : Math.max(stored.lastSeen(), latest(adds)),
                reread != null
                        ? reread.rootFirst()
                        : earlier(stored.rootFirstSeen(), earliest(adds, IncidentDelta::root)));
    }

    private static Long earlier(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static Long earliest(List<IncidentDelta> deltas, Predicate<IncidentDelta> which) {
        return deltas.stream()
                .filter(which)
                .map(d -> d.signal().timeNanos())
                .min(Long::compare)
                .orElse(null);
    }

    private static Long latest(List<IncidentDelta> deltas) {
        return deltas.stream()
                .map(d -> d.signal().timeNanos())
                .max(Long::compare)
                .orElse(null);
    }
}
