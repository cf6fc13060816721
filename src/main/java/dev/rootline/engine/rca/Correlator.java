package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

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
        Signal[] candidateOfRoot = new Signal[failures.size()];
        for (int i = 0; i < failures.size(); i++) {
            chains.resolve(i);
            int rootIndex = chains.root[i];
            Signal root = failures.get(rootIndex);
            if (root.is(Role.CAUSE)) {
                out.add(new Attribution(failures.get(i), root, Confidence.HIGH, chains.depth[i]));
                continue;
            }
            if (candidateOfRoot[rootIndex] == null) {
                candidateOfRoot[rootIndex] = candidate(root, unknowns);
            }
            Signal candidate = candidateOfRoot[rootIndex];
            int depth = chains.depth[i] + (candidate == root ? 0 : 1);
            out.add(new Attribution(failures.get(i), candidate, Confidence.LOW, depth));
        }
        Arrays.stream(candidateOfRoot).filter(c -> c != null && !c.known()).distinct()
                .forEach(c -> out.add(new Attribution(c, c, Confidence.LOW, 0)));
        return out;
    }

    /**
     * Within one window before an unexplained failure, where it happened: the first unknown error new in this
     * revision, else the first unknown error; else the failure itself.
     */
    private Signal candidate(Signal failure, List<Signal> unknowns) {
        int lo = firstAtOrAfter(unknowns.size(), k -> unknowns.get(k).timeNanos(), failure.timeNanos() - windowNanos);
        Signal first = null;
        for (Signal unknown : unknowns.subList(lo, unknowns.size())) {
            if (unknown.timeNanos() > failure.timeNanos()) {
                break;
            }
            if (sameInstance(unknown, failure)) {
                if (unknown.novel()) {
                    return unknown;
                }
                first = first == null ? unknown : first;
            }
        }
        return first == null ? failure : first;
    }

    /** In a time-ordered sequence of {@code size} items, the first at or after {@code fromNanos}. */
    private static int firstAtOrAfter(int size, IntToLongFunction timeAt, long fromNanos) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeAt.applyAsLong(mid) < fromNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean sameInstance(Signal a, Signal b) {
        return a.revision().equals(b.revision()) && (a.instance().isEmpty() || a.instance().equals(b.instance()));
    }

    /**
     * The explains graph over time-ordered failures, with each failure's root resolved once. What the search for
     * explainers compares is held in arrays: in a crash loop every effect has dozens of candidate causes within
     * its window.
     */
    private final class Chains {
        final int[] root;
        final int[] depth;
        private final byte[] state;
        private final long[] time;
        private final boolean[] cause;
        /** Signature, revision and instance as small ints, equal where the strings are equal. */
        private final int[] signature;
        private final int[] revision;
        private final int[] instance;
        private final MatchScope[] scope;
        /** For each signature, the failures whose signature explains it, in time order. */
        private final int[][] explainersOf;
        /** [a][b]: signature a explains signature b. */
        private final boolean[][] explains;
        private final int emptyInstance;

        Chains(List<Signal> failures) {
            int n = failures.size();
            root = new int[n];
            depth = new int[n];
            state = new byte[n];
            time = new long[n];
            cause = new boolean[n];
            signature = new int[n];
            revision = new int[n];
            instance = new int[n];
            scope = new MatchScope[n];
            Map<String, Integer> signatures = new HashMap<>();
            Map<String, Integer> revisions = new HashMap<>();
            Map<String, Integer> instances = new HashMap<>();
            emptyInstance = instances.computeIfAbsent("", k -> 0);
            List<SignatureDefinition> definitions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Signal s = failures.get(i);
                time[i] = s.timeNanos();
                cause[i] = s.is(Role.CAUSE);
                signature[i] = signatures.computeIfAbsent(s.signatureId(), k -> {
                    definitions.add(s.signature());
                    return definitions.size() - 1;
                });
                revision[i] = revisions.computeIfAbsent(s.revision(), k -> revisions.size());
                instance[i] = instances.computeIfAbsent(s.instance(), k -> instances.size());
                scope[i] = s.signature().scope();
            }
            explains = new boolean[definitions.size()][definitions.size()];
            List<List<Integer>> explainers = new ArrayList<>();
            definitions.forEach(d -> explainers.add(new ArrayList<>()));
            for (int a = 0; a < definitions.size(); a++) {
                for (String explained : definitions.get(a).explains()) {
                    Integer b = signatures.get(explained);
                    if (b != null) {
                        explains[a][b] = true;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < definitions.size(); b++) {
                    if (explains[signature[i]][b]) {
                        explainers.get(b).add(i);
                    }
                }
            }
            explainersOf = explainers.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        }

        /** Picks, among the failures that can explain failure i, the one whose chain has the best root. */
        void resolve(int i) {
            if (state[i] != 0) {
                return;
            }
            state[i] = 1;
            int best = -1;
            int[] candidates = explainersOf[signature[i]];
            int from = firstAtOrAfter(candidates.length, k -> time[candidates[k]], time[i] - windowNanos);
            for (int at = from; at < candidates.length; at++) {
                int j = candidates[at];
                if (time[j] > time[i]) {
                    break;
                }
                if (!canExplain(j, i) || state[j] == 1) {
                    continue; // state 1: a cycle in user-written explains, broken here
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

        /**
         * Whether failure j, whose signature explains i's, explains failure i: another signature, in scope, and at
         * the same instant, not when the two signatures explain each other and i comes first.
         */
        private boolean canExplain(int j, int i) {
            if (j == i || signature[j] == signature[i]
                    || time[j] == time[i] && j > i && explains[signature[i]][signature[j]]) {
                return false;
            }
            return switch (scope[j]) {
                case SERVICE -> true;
                case REVISION -> revision[j] == revision[i];
                case INSTANCE -> revision[j] == revision[i] && (instance[j] == emptyInstance || instance[j] == instance[i]);
            };
        }

        private boolean betterRoot(int a, int b) {
            return cause[a] != cause[b] ? cause[a] : a < b;
        }
    }
}
