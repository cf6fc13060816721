package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the signals of one service into chains (DESIGN §4). A signal A explains a later signal B when A's
 * signature lists B's in {@code explains}, B lies within A's scope (instance, revision or service) and at most one
 * window of event time after A. The root of a chain is its earliest cause that nothing explains. A chain with no
 * known cause is rooted, with low confidence, at an unknown error shortly before it on the same instance: the first
 * whose template is new in this revision, else the first; failing both, at its own first failure.
 *
 * <p>The result depends on the set of signals only, never on the order they arrived in.
 */
public final class Correlator {

    /** Event time, then insertId: how Cloud Logging itself orders entries that share a timestamp. */
    static final Comparator<Signal> EVENT_ORDER = Comparator.comparingLong(Signal::timeNanos)
            .thenComparing(Signal::insertId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Signal::entryKey).thenComparing(Signal::signatureId);

    private final long windowNanos;

    public Correlator(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** The attribution of every cause, effect and symptom, and of each unknown error chosen as a root. */
    public List<Attribution> correlate(List<Signal> signals) {
        List<Signal> failures = signals.stream().filter(Signal::isFailure).sorted(EVENT_ORDER).toList();
        List<Signal> unknowns = signals.stream().filter(s -> !s.known()).sorted(EVENT_ORDER).toList();
        Chains chains = new Chains(failures);
        List<Attribution> out = new ArrayList<>(failures.size());
        Map<Signal, Signal> candidateOf = new HashMap<>();
        for (int i = 0; i < failures.size(); i++) {
            chains.resolve(i);
            Signal root = failures.get(chains.root[i]);
            if (root.is(Role.CAUSE)) {
                out.add(new Attribution(failures.get(i), root, Confidence.HIGH, chains.depth[i]));
                continue;
            }
            Signal candidate = candidateOf.computeIfAbsent(root, r -> candidate(r, unknowns));
            int depth = chains.depth[i] + (candidate == root ? 0 : 1);
            out.add(new Attribution(failures.get(i), candidate, Confidence.LOW, depth));
        }
        candidateOf.values().stream().filter(c -> !c.known()).distinct()
                .forEach(c -> out.add(new Attribution(c, c, Confidence.LOW, 0)));
        return out;
    }

    /**
     * Within one window before an unexplained failure, where it happened: the first unknown error new in this
     * revision, else the first unknown error; else the failure itself.
     */
    private Signal candidate(Signal failure, List<Signal> unknowns) {
        Signal first = null;
        for (Signal unknown : unknowns) {
            if (unknown.timeNanos() > failure.timeNanos()) {
                break;
            }
            if (failure.timeNanos() - unknown.timeNanos() <= windowNanos && sameInstance(unknown, failure)) {
                if (unknown.novel()) {
                    return unknown;
                }
                first = first == null ? unknown : first;
            }
        }
        return first == null ? failure : first;
    }

    private static boolean sameInstance(Signal a, Signal b) {
        return a.revision().equals(b.revision()) && (a.instance().isEmpty() || a.instance().equals(b.instance()));
    }

    private boolean inScope(Signal cause, Signal effect) {
        MatchScope scope = cause.signature().scope();
        return switch (scope) {
            case SERVICE -> true;
            case REVISION -> cause.revision().equals(effect.revision());
            case INSTANCE -> sameInstance(cause, effect);
        };
    }

    /** The explains graph over time-ordered failures, with each failure's root resolved once. */
    private final class Chains {
        private final List<Signal> failures;
        /** For each signature id, the failures whose signature explains it, in time order. */
        private final Map<String, List<Integer>> explainersOf = new HashMap<>();
        final int[] root;
        final int[] depth;
        private final byte[] state;

        Chains(List<Signal> failures) {
            this.failures = failures;
            root = new int[failures.size()];
            depth = new int[failures.size()];
            state = new byte[failures.size()];
            for (int i = 0; i < failures.size(); i++) {
                for (String explained : failures.get(i).signature().explains()) {
                    explainersOf.computeIfAbsent(explained, k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** Picks, among the failures that can explain failure i, the one whose chain has the best root. */
        void resolve(int i) {
            if (state[i] != 0) {
                return;
            }
            state[i] = 1;
            int best = -1;
            for (int j : explainers(i)) {
                if (state[j] == 1) {
                    continue; // a cycle in user-written explains: break it here
                }
                resolve(j);
                if (best < 0 || betterRoot(root[j], root[best]) || root[j] == root[best] && j > best) {
                    best = j; // the best root; for one root, the nearest link (503 <- container exit, not worker exit)
                }
            }
            root[i] = best < 0 ? i : root[best];
            depth[i] = best < 0 ? 0 : depth[best] + 1;
            state[i] = 2;
        }

        private boolean betterRoot(int a, int b) {
            boolean causeA = failures.get(a).is(Role.CAUSE);
            boolean causeB = failures.get(b).is(Role.CAUSE);
            return causeA != causeB ? causeA : a < b;
        }

        private List<Integer> explainers(int i) {
            Signal effect = failures.get(i);
            List<Integer> candidates = explainersOf.getOrDefault(effect.signatureId(), List.of());
            List<Integer> out = new ArrayList<>(2);
            for (int at = firstWithin(candidates, effect.timeNanos() - windowNanos); at < candidates.size(); at++) {
                int j = candidates.get(at);
                Signal cause = failures.get(j);
                if (cause.timeNanos() > effect.timeNanos()) {
                    break;
                }
                if (j != i && !cause.signatureId().equals(effect.signatureId()) && inScope(cause, effect)
                        && !(cause.timeNanos() == effect.timeNanos() && j > i && explainsBack(effect, cause))) {
                    out.add(j);
                }
            }
            return out;
        }

        /** At the same instant, two signatures that explain each other: only the first in order explains. */
        private boolean explainsBack(Signal effect, Signal cause) {
            return effect.signature().explains().contains(cause.signatureId());
        }

        private int firstWithin(List<Integer> candidates, long fromNanos) {
            int lo = 0;
            int hi = candidates.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (failures.get(candidates.get(mid)).timeNanos() < fromNanos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
