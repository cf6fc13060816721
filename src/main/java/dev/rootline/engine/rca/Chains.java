package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * The explains graph over time-ordered failures, with each failure's root resolved once. A failure j explains a
 * later failure i when j's signature lists i's, i lies in j's scope, and at most a window after j; lines within
 * the clock skew count as logged together, so j may also come that little after i.
 *
 * <p>Of the failures that can explain i, the one whose chain has the best root wins: a cause before an effect, then
 * the earliest; for one root, the nearest link. In a crash storm every effect has thousands of candidates within
 * its window, so they are not tried one by one: the explainers of each signature are kept per scope ({@link
 * Candidates}), in time order, and the best of those already resolved is read from a tree of minima in
 * logarithmic time. Only the few logged after i, within the skew, are tried in turn (they may still need resolving),
 * and explainers whose signature names fields that must differ, which compare pairwise.
 */
final class Chains {

    private final List<Signal> failures;
    private final long windowNanos;
    private final long skewNanos;
    private final int[] root;
    private final int[] depth;
    private final int[] dependents;
    private final byte[] state;
    private final long[] time;
    private final boolean[] cause;
    /** Each failure's signature as a small int, equal where the ids are equal. */
    private final int[] signature;
    /** Each failure's signature, revision and instance, shared by the failures that have the same three. */
    private final Place[] placeOf;

    private final List<SignatureDefinition> definitions = new ArrayList<>();
    /** [a][b]: signature a explains signature b. */
    private final boolean[][] explains;
    /** [b]: some signature explains b. */
    private final boolean[] explained;

    private static final boolean[] PAIRWISE = {false, true};
    private static final boolean[] NONE = {};
    /** The explainers of each signature by scope; see {@link Part}. */
    private final Map<Part, Candidates> candidates = new HashMap<>();
    /** For each failure, the candidate lists it is in, and where in each. */
    private final List<List<Membership>> memberOf = new ArrayList<>();

    private final int emptyInstance;
    /** Failures before this one are resolved: the main loop has passed them. */
    private int settled;

    /**
     * Where explainers of one signature can reach: every instance of the service, one revision, or one instance
     * (the empty instance explains every instance of its revision); pairwise ones need their fields compared.
     */
    private record Part(int explained, MatchScope scope, int revision, int instance, boolean pairwise) {}

    /** A failure's signature, revision and instance as strings: what its {@link Place} is found by. */
    private record Where(String signatureId, String revision, String instance) {}

    /**
     * A failure's signature, revision and instance as small ints, equal where the strings are equal, and what they
     * decide: the lists of candidates it joins and those its explainers are in, worked out once for all such
     * failures (a storm's span has tens of thousands, at a few hundred places).
     */
    private static final class Place {
        final int signature;
        final int revision;
        final int instance;
        List<Candidates> explainsFrom;
        List<Candidates> explainedFrom;

        Place(int signature, int revision, int instance) {
            this.signature = signature;
            this.revision = revision;
            this.instance = instance;
        }
    }

    /** A failure's place in one list of candidates. */
    private record Membership(Candidates list, int position) {}

    Chains(List<Signal> failures, long windowNanos, long skewNanos) {
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
        placeOf = new Place[n];
        Map<String, Integer> signatures = new HashMap<>();
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, Integer> instances = new HashMap<>();
        emptyInstance = instances.computeIfAbsent("", k -> 0);
        Map<Where, Place> places = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Signal s = failures.get(i);
            time[i] = s.timeNanos();
            cause[i] = s.is(Role.CAUSE);
            Where where = new Where(s.signatureId(), s.revision(), s.instance());
            Place place = places.get(where);
            if (place == null) {
                Integer known = signatures.get(s.signatureId());
                if (known == null) {
                    known = definitions.size();
                    signatures.put(s.signatureId(), known);
                    definitions.add(s.signature());
                }
                place = new Place(
                        known,
                        revisions.computeIfAbsent(s.revision(), k -> revisions.size()),
                        instances.computeIfAbsent(s.instance(), k -> instances.size()));
                places.put(where, place);
            }
            placeOf[i] = place;
            signature[i] = place.signature;
        }
        explains = new boolean[definitions.size()][definitions.size()];
        explained = new boolean[definitions.size()];
        for (int a = 0; a < definitions.size(); a++) {
            for (String id : definitions.get(a).explains()) {
                Integer b = signatures.get(id);
                if (b != null && b != a) {
                    explains[a][b] = true;
                    explained[b] = true;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            Place place = placeOf[j];
            if (place.explainsFrom == null) {
                place.explainsFrom = explainsFrom(place);
            }
            List<Candidates> lists = place.explainsFrom;
            List<Membership> memberships = new ArrayList<>(lists.size());
            for (Candidates list : lists) {
                memberships.add(new Membership(list, list.add(j)));
            }
            memberOf.add(memberships);
        }
        candidates.values().forEach(Candidates::seal);
        for (int i = 0; i < n; i++) {
            settled = i;
            resolve(i);
            for (Membership m : memberOf.get(i)) {
                m.list().resolved(m.position(), rank(i));
            }
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

    /** The lists a failure at this place is a candidate in: one for each signature its own explains. */
    private List<Candidates> explainsFrom(Place place) {
        List<Candidates> lists = new ArrayList<>();
        for (int b = 0; b < definitions.size(); b++) {
            if (explains[place.signature][b]) {
                lists.add(candidates.computeIfAbsent(partOf(place, b), Candidates::new));
            }
        }
        return lists;
    }

    private Part partOf(Place place, int explained) {
        SignatureDefinition definition = definitions.get(place.signature);
        boolean pairwise = !definition.differs().isEmpty();
        return switch (definition.scope()) {
            case SERVICE -> new Part(explained, MatchScope.SERVICE, 0, 0, pairwise);
            case REVISION -> new Part(explained, MatchScope.REVISION, place.revision, 0, pairwise);
            case INSTANCE -> new Part(explained, MatchScope.INSTANCE, place.revision, place.instance, pairwise);
        };
    }

    /** The lists where the explainers of a failure at this place can be: every scope that reaches it. */
    private List<Candidates> explainedFrom(Place place) {
        List<Part> parts = new ArrayList<>();
        int b = place.signature;
        for (boolean pairwise : explained[b] ? PAIRWISE : NONE) {
            parts.add(new Part(b, MatchScope.SERVICE, 0, 0, pairwise));
            parts.add(new Part(b, MatchScope.REVISION, place.revision, 0, pairwise));
            parts.add(new Part(b, MatchScope.INSTANCE, place.revision, place.instance, pairwise));
            if (place.instance != emptyInstance) {
                parts.add(new Part(b, MatchScope.INSTANCE, place.revision, emptyInstance, pairwise));
            }
        }
        return parts.stream().map(candidates::get).filter(Objects::nonNull).toList();
    }

    /** Picks, among the failures that can explain failure i, the one whose chain has the best root. */
    private void resolve(int i) {
        if (state[i] != 0) {
            return;
        }
        state[i] = 1;
        int best = -1;
        Place place = placeOf[i];
        if (place.explainedFrom == null) {
            place.explainedFrom = explainedFrom(place);
        }
        for (Candidates list : place.explainedFrom) {
            best = better(best, in(list, i));
        }
        root[i] = best < 0 ? i : root[best];
        depth[i] = best < 0 ? 0 : depth[best] + 1;
        state[i] = 2;
    }

    /** The best explainer of failure i among one list of candidates, or -1. */
    private int in(Candidates list, int i) {
        int from = list.firstAtOrAfter(time[i] - windowNanos);
        int to = list.firstAtOrAfter(time[i] + skewNanos + 1);
        int best = -1;
        int tried = from;
        if (!list.pairwise) {
            // those the main loop has passed are resolved and none is i: the tree knows the best of them
            tried = Math.max(from, Math.min(to, list.firstAtOrAfterIndex(settled)));
            best = list.best(from, tried);
        }
        for (int at = tried; at < to; at++) {
            int j = list.failure(at);
            if (!canExplain(j, i) || state[j] == 1) {
                continue; // state 1: a cycle (user-written explains, or two lines within the skew), broken here
            }
            resolve(j);
            best = better(best, j);
        }
        return best;
    }

    /** The better of two explainers (-1: none): the best root; for one root, the nearest link. */
    private int better(int a, int b) {
        if (a < 0 || b < 0) {
            return a < 0 ? b : a;
        }
        return rank(b) < rank(a) ? b : a;
    }

    /**
     * An explainer's order of preference, smallest best: a chain rooted at a cause first, then the earliest root;
     * for one root, the later link (503 <- container exit, not worker exit).
     */
    private long rank(int j) {
        int r = root[j];
        return (cause[r] ? 0L : 1L << 62) | (long) r << 31 | (Integer.MAX_VALUE - j);
    }

    /**
     * Whether failure j, whose signature explains i's, explains failure i: another failure, within the window and
     * the skew, in scope by its list; at the same instant, not when the two signatures explain each other and i
     * comes first; and only when each field the explainer says must differ is present in both and differs.
     */
    private boolean canExplain(int j, int i) {
        if (j == i || time[j] >= time[i] && j > i && explains[signature[i]][signature[j]]) {
            return false;
        }
        return differ(failures.get(j), failures.get(i));
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

    /** The signals of a time-ordered list from {@code fromNanos} to {@code toNanos}, both included. */
    static List<Signal> within(List<Signal> ordered, long fromNanos, long toNanos) {
        int from = firstAtOrAfter(ordered.size(), i -> ordered.get(i).timeNanos(), fromNanos);
        int to = toNanos == Long.MAX_VALUE // unbounded
                ? ordered.size()
                : firstAtOrAfter(ordered.size(), i -> ordered.get(i).timeNanos(), toNanos + 1);
        return ordered.subList(from, to);
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

    /**
     * The explainers of one signature within one scope, in time order, with a tree of the ranks of those resolved:
     * the best in any span of them in logarithmic time.
     */
    private final class Candidates {
        private final boolean pairwise;
        private int[] failures = new int[4];
        private int size;
        private long[] tree;

        Candidates(Part part) {
            this.pairwise = part.pairwise();
        }

        /** Adds failure j after those added before it; returns its position. */
        int add(int j) {
            if (size == failures.length) {
                failures = Arrays.copyOf(failures, size * 2);
            }
            failures[size] = j;
            return size++;
        }

        void seal() {
            tree = new long[2 * size];
            Arrays.fill(tree, Long.MAX_VALUE);
        }

        int failure(int at) {
            return failures[at];
        }

        int firstAtOrAfter(long nanos) {
            return Chains.firstAtOrAfter(size, at -> time[failures[at]], nanos);
        }

        /** The first position holding a failure at or after this index (they are in index order too). */
        int firstAtOrAfterIndex(int index) {
            return Chains.firstAtOrAfter(size, at -> failures[at], index);
        }

        /** The failure at this position is resolved, with this rank. */
        void resolved(int position, long rank) {
            int at = position + size;
            tree[at] = rank;
            for (at >>= 1; at >= 1; at >>= 1) {
                tree[at] = Math.min(tree[2 * at], tree[2 * at + 1]);
            }
        }

        /** The resolved failure of best rank from position {@code from} to before {@code to}, or -1. */
        int best(int from, int to) {
            long min = Long.MAX_VALUE;
            for (int lo = from + size, hi = to + size; lo < hi; lo >>= 1, hi >>= 1) {
                if ((lo & 1) == 1) {
                    min = Math.min(min, tree[lo++]);
                }
                if ((hi & 1) == 1) {
                    min = Math.min(min, tree[--hi]);
                }
            }
            return min == Long.MAX_VALUE ? -1 : Integer.MAX_VALUE - (int) (min & Integer.MAX_VALUE);
        }
    }
}
