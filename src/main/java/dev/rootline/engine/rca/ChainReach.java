package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failures of a span that decide the chains of some of them (docs/architecture.md, "The batch's reach"): each
 * one's possible explainers, theirs in turn, and so on. {@link Chains} resolves every failure of this part to the
 * same root and depth as it does over the whole span, because every explainer a failure of it could pick is in it.
 *
 * <p>An explainer that no failure of the span can explain is its own root, so of those of one signature and place
 * that reach a failure, only the earliest can win: Chains ranks the earliest root first. One step further, an
 * explainer explained only by such failures has a root found by a search per place, so of those the winner is
 * known too. The others are left out, which is what keeps a crash storm's part small: the thousands of import
 * errors, and of the exceptions they explain, within the window of each worker exit come down to one or two.
 * Explainers whose signature names fields that must differ compare pairwise, and are all kept.
 */
final class ChainReach {

    /**
     * Where explainers of one signature can reach: a null revision and instance stand for the whole service, a null
     * instance for the whole revision.
     */
    private record Place(String signatureId, String revision, String instance) {}

    private final long windowNanos;
    private final long skewNanos;
    /** By signature id, the loaded signatures that explain it, among those the span has. */
    private final Map<String, List<SignatureDefinition>> explainers = new HashMap<>();
    /** The failures of each signature that yields a root, in event order. */
    private final Map<String, List<Signal>> yielding = new HashMap<>();
    /** The failures of each signature that explains another, by the place they reach, in event order. */
    private final Map<Place, List<Signal>> candidates = new HashMap<>();

    ChainReach(List<Signal> span, long windowNanos, long skewNanos) {
        this.windowNanos = windowNanos;
        this.skewNanos = skewNanos;
        Map<String, SignatureDefinition> present = new HashMap<>();
        Set<List<Signal>> unordered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Signal s : span) { // one pass: a storm's span is tens of thousands of signals, scattered in memory
            if (!s.isFailure()) {
                continue;
            }
            SignatureDefinition d = s.signature();
            present.putIfAbsent(d.id(), d);
            if (d.yields()) {
                add(yielding.computeIfAbsent(d.id(), k -> new ArrayList<>()), s, unordered);
            }
            if (!d.explains().isEmpty()) {
                add(candidates.computeIfAbsent(placeOf(d, s), k -> new ArrayList<>()), s, unordered);
            }
        }
        unordered.forEach(list -> list.sort(Correlator.EVENT_ORDER)); // rows mostly come in event order already
        for (SignatureDefinition d : present.values()) {
            for (String id : d.explains()) {
                if (present.containsKey(id) && !id.equals(d.id())) {
                    explainers.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                }
            }
        }
    }

    private static void add(List<Signal> list, Signal s, Set<List<Signal>> unordered) {
        if (!list.isEmpty() && Correlator.EVENT_ORDER.compare(list.get(list.size() - 1), s) > 0) {
            unordered.add(list);
        }
        list.add(s);
    }

    /** The part of the span that decides the chains of {@code batch}: failures all, and in the span. */
    List<Signal> partFor(List<Signal> batch) {
        Set<Signal> part = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Signal> next = new ArrayDeque<>();
        for (Signal s : batch) {
            if (part.add(s)) {
                next.add(s);
            }
        }
        while (!next.isEmpty()) {
            for (Signal explainer : explainersOf(next.poll())) {
                if (part.add(explainer)) {
                    next.add(explainer);
                }
            }
        }
        return new ArrayList<>(part);
    }

    /**
     * Whether a failure whose signature yields its root lies within the clock skew of s, on its instance: where s
     * goes then depends on every line logged with that failure, not on chains alone.
     */
    boolean yieldingNear(Signal s) {
        for (List<Signal> list : yielding.values()) {
            for (Signal y : Chains.within(list, s.timeNanos() - skewNanos, s.timeNanos() + skewNanos)) {
                if (y.revision().equals(s.revision()) && y.instance().equals(s.instance())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The explainers that could win for failure s. Of a signature whose failures are explained, if at all, only by
     * failures that are always their own root, the winner is known without resolving the others: it is the only one
     * kept.
     */
    private List<Signal> explainersOf(Signal s) {
        List<Signal> out = new ArrayList<>();
        for (SignatureDefinition d : explainers.getOrDefault(s.signatureId(), List.of())) {
            for (Place place : placesReaching(d, s)) {
                List<Signal> reaching = reaching(candidates.getOrDefault(place, List.of()), s);
                if (reaching.isEmpty()) {
                    continue;
                }
                if (alwaysRoot(d)) {
                    out.add(reaching.get(0)); // its own root: the earliest is the earliest root
                } else if (oneStep(d)) {
                    out.add(best(reaching));
                } else {
                    out.addAll(reaching);
                }
            }
        }
        return out;
    }

    /** Whether each failure of d is its own root: nothing in the span explains it, and it compares no fields. */
    private boolean alwaysRoot(SignatureDefinition d) {
        return !explainers.containsKey(d.id()) && d.differs().isEmpty();
    }

    /** Whether each failure of d is explained, if at all, only by failures that are always their own root. */
    private boolean oneStep(SignatureDefinition d) {
        if (!d.differs().isEmpty()) {
            return false;
        }
        for (SignatureDefinition e : explainers.get(d.id())) {
            if (!alwaysRoot(e)) {
                return false;
            }
        }
        return true;
    }

    /** The explainer Chains picks among these, all of one {@link #oneStep} signature and place. */
    private Signal best(List<Signal> reaching) {
        Signal best = null;
        Signal bestRoot = null;
        for (Signal c : reaching) {
            Signal root = rootOf(c);
            if (best == null || prefers(c, root, best, bestRoot)) {
                best = c;
                bestRoot = root;
            }
        }
        return best;
    }

    /** The root of a failure of a {@link #oneStep} signature: the best of its explainers, each its own root. */
    private Signal rootOf(Signal c) {
        Signal root = null;
        for (SignatureDefinition e : explainers.get(c.signatureId())) {
            for (Place place : placesReaching(e, c)) {
                List<Signal> reaching = reaching(candidates.getOrDefault(place, List.of()), c);
                if (!reaching.isEmpty() && (root == null || prefers(reaching.get(0), reaching.get(0), root, root))) {
                    root = reaching.get(0);
                }
            }
        }
        return root == null ? c : root;
    }

    /**
     * Whether Chains prefers explainer a, rooted at {@code aRoot}, to b, rooted at {@code bRoot}: a chain rooted at a
     * cause, then the earliest root, then for one root the later link.
     */
    private static boolean prefers(Signal a, Signal aRoot, Signal b, Signal bRoot) {
        boolean aCause = aRoot.is(Role.CAUSE);
        if (aCause != bRoot.is(Role.CAUSE)) {
            return aCause;
        }
        int byRoot = Correlator.EVENT_ORDER.compare(aRoot, bRoot);
        return byRoot != 0 ? byRoot < 0 : Correlator.EVENT_ORDER.compare(a, b) > 0;
    }

    /** The failures of a time-ordered list that can explain s by time: a window before it to the skew after. */
    private List<Signal> reaching(List<Signal> ordered, Signal s) {
        return Chains.within(ordered, s.timeNanos() - windowNanos, s.timeNanos() + skewNanos);
    }

    private static Place placeOf(SignatureDefinition d, Signal s) {
        return switch (d.scope()) {
            case SERVICE -> new Place(d.id(), null, null);
            case REVISION -> new Place(d.id(), s.revision(), null);
            case INSTANCE -> new Place(d.id(), s.revision(), s.instance());
        };
    }

    /** The places of explainers of signature d that reach failure s: an instance's, and its revision's empty one. */
    private static List<Place> placesReaching(SignatureDefinition d, Signal s) {
        if (d.scope() == MatchScope.INSTANCE && !s.instance().isEmpty()) {
            return List.of(placeOf(d, s), new Place(d.id(), s.revision(), ""));
        }
        return List.of(placeOf(d, s));
    }
}
