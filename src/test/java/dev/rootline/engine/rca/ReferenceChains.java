package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * The explains graph as {@link Chains} resolves it, the plain way: every candidate within a failure's window tried in
 * turn. What a randomised test holds the indexed search to.
 */
final class ReferenceChains {

    private final List<Signal> failures;
    private final long windowNanos;
    private final long skewNanos;
    private final int[] root;
    private final int[] depth;
    private final int[] dependents;
    private final byte[] state;
    private final long[] time;
    private final boolean[] cause;
    /** Signature, revision and instance as small ints, equal where the strings are equal. */
    private final int[] signature;

    private final int[] revision;
    private final int[] instance;
    private final MatchScope[] scope;
    private final List<SignatureDefinition> definitions = new ArrayList<>();
    /** For each signature, the failures whose signature explains it, in time order. */
    private final int[][] explainersOf;
    /** [a][b]: signature a explains signature b. */
    private final boolean[][] explains;

    private final int emptyInstance;

    ReferenceChains(List<Signal> failures, long windowNanos, long skewNanos) {
        this.failures = failures;
        this.windowNanos = windowNanos;
        this.skewNanos = skewNanos;
        int n = failures.size();
        root = new int[n];
        depth = new int[n];
        dependents = new int[n];
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
        explainersOf = explainers.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        for (int i = 0; i < n; i++) {
            resolve(i);
            if (root[i] != i) {
                dependents[root[i]]++;
            }
        }
    }

    /** The index of failure i's root. */
    int root(int i) {
        return root[i];
    }

    /** How far failure i stands from its root: 0 for the root itself. */
    int depth(int i) {
        return depth[i];
    }

    /** Whether failure i is a root that explains nothing. */
    boolean alone(int i) {
        return root[i] == i && dependents[i] == 0;
    }

    /** Picks, among the failures that can explain failure i, the one whose chain has the best root. */
    private void resolve(int i) {
        if (state[i] != 0) {
            return;
        }
        state[i] = 1;
        int best = -1;
        int[] candidates = explainersOf[signature[i]];
        int from = firstAtOrAfter(candidates.length, k -> time[candidates[k]], time[i] - windowNanos);
        for (int at = from; at < candidates.length; at++) {
            int j = candidates[at];
            if (time[j] > time[i] + skewNanos) {
                break;
            }
            if (!canExplain(j, i) || state[j] == 1) {
                continue; // state 1: a cycle (user-written explains, or two lines within the skew), broken here
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
     * Whether failure j, whose signature explains i's, explains failure i: another signature, in scope, within the
     * window and the skew; at the same instant, not when the two signatures explain each other and i comes first;
     * and only when each field the explainer says must differ is present in both and differs.
     */
    private boolean canExplain(int j, int i) {
        if (j == i
                || signature[j] == signature[i]
                || time[j] >= time[i] && j > i && explains[signature[i]][signature[j]]) {
            return false;
        }
        boolean inScope = switch (scope[j]) {
            case SERVICE -> true;
            case REVISION -> revision[j] == revision[i];
            case INSTANCE -> revision[j] == revision[i] && (instance[j] == emptyInstance || instance[j] == instance[i]);
        };
        return inScope && differ(failures.get(j), failures.get(i));
    }

    private static boolean differ(Signal explainer, Signal explained) {
        for (String field : explainer.signature().differs()) {
            String a = explainer.fields().get(field);
            String b = explained.fields().get(field);
            if (a == null || b == null || a.equals(b)) {
                return false; // "listening on 3000" explains a probe of 8080, not one of 3000 or of no port
            }
        }
        return true;
    }

    private boolean betterRoot(int a, int b) {
        return cause[a] != cause[b] ? cause[a] : a < b;
    }

    /** In a time-ordered sequence of {@code size} items, the first at or after {@code fromNanos}. */
    static int firstAtOrAfter(int size, IntToLongFunction timeAt, long fromNanos) {
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
}
