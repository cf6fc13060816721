package dev.rootline.engine.rca;

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
import java.util.stream.Stream;

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
 *
 * <p>The stored failures come filed by place ({@link FailurePlaces}), as the window of recent signals keeps them, so
 * the part is found by searching rather than by walking the span.
 */
final class ChainReach {

    private final long windowNanos;
    private final long skewNanos;
    private final FailurePlaces stored;
    private final FailurePlaces fresh;
    /** Where the span starts: {@code stored} may hold failures before, which are not in it. */
    private final long fromNanos;
    /** Where the span ends: {@code stored} may hold failures after, which are not in it. */
    private final long toNanos;
    /** By signature id, the signatures in the span that explain it. */
    private final Map<String, List<SignatureDefinition>> explainers = new HashMap<>();

    /**
     * @param stored the span's stored failures, and perhaps others before {@code fromNanos} or after {@code toNanos}
     * @param fresh the span's signals that are not stored yet
     */
    ChainReach(
            FailurePlaces stored, List<Signal> fresh, long fromNanos, long toNanos, long windowNanos, long skewNanos) {
        this.windowNanos = windowNanos;
        this.skewNanos = skewNanos;
        this.stored = stored;
        this.fresh = FailurePlaces.of(fresh);
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        Map<String, SignatureDefinition> present = new HashMap<>();
        stored.explainingWithin(fromNanos, toNanos, present);
        this.fresh.explainingWithin(Long.MIN_VALUE, Long.MAX_VALUE, present);
        for (SignatureDefinition d : present.values()) {
            for (String id : d.explains()) {
                if (!id.equals(d.id())) {
                    explainers.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                }
            }
        }
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
        long from = Math.max(fromNanos, s.timeNanos() - skewNanos);
        long to = Math.min(toNanos, s.timeNanos() + skewNanos);
        return stored.yieldingOn(s.revision(), s.instance(), from, to)
                || fresh.yieldingOn(s.revision(), s.instance(), from, to);
    }

    /**
     * The explainers that could win for failure s. Of a signature whose failures are explained, if at all, only by
     * failures that are always their own root, the winner is known without resolving the others: it is the only one
     * kept.
     */
    private List<Signal> explainersOf(Signal s) {
        List<Signal> out = new ArrayList<>();
        for (SignatureDefinition d : explainers.getOrDefault(s.signatureId(), List.of())) {
            for (FailurePlaces.Place place : FailurePlaces.placesReaching(d, s)) {
                for (List<Signal> reaching : reaching(place, s)) {
                    if (alwaysRoot(d)) {
                        out.add(reaching.get(0)); // its own root: the earliest is the earliest root
                    } else if (oneStep(d)) {
                        out.add(best(reaching));
                    } else {
                        out.addAll(reaching);
                    }
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
            for (FailurePlaces.Place place : FailurePlaces.placesReaching(e, c)) {
                for (List<Signal> reaching : reaching(place, c)) {
                    if (root == null || prefers(reaching.get(0), reaching.get(0), root, root)) {
                        root = reaching.get(0);
                    }
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

    /**
     * The failures at a place that can explain s by time, a window before it to the skew after: the stored ones and
     * the new ones, apart, each in event order, leaving out an empty one. Keeping the winner of each keeps the
     * winner of both, and saves merging thousands of stored failures with the batch's for every failure of it.
     */
    private List<List<Signal>> reaching(FailurePlaces.Place place, Signal s) {
        long from = Math.max(fromNanos, s.timeNanos() - windowNanos);
        long to = Math.min(toNanos, s.timeNanos() + skewNanos);
        return Stream.of(stored.at(place, from, to), fresh.at(place, from, to))
                .filter(list -> !list.isEmpty())
                .toList();
    }
}
