package dev.rootline.engine.rca;

import dev.rootline.engine.signature.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the signals of one service into incidents: every failure is one, known or not (see
 * {@code docs/design-notes.md}, "Every failure is an incident").
 * <ol>
 *   <li><b>Known chains.</b> A signal A explains a later signal B when A's signature lists B's in {@code explains},
 *       B lies within A's scope and at most one window of event time after A ({@link Chains}). A chain whose root
 *       is a known cause is an incident of high confidence; a cause that yields (a summary) hands its root over
 *       to a specific error logged with it.</li>
 *   <li><b>Episodes.</b> What no known cause explains (error lines no signature knows, effects and symptoms of
 *       no known cause) is grouped per revision and instance, each line within a window of the one before. An
 *       episode beside a known root belongs to it; any other episode is an incident of its own, of low
 *       confidence, rooted at its earliest error line: lines within the clock skew of it count as simultaneous,
 *       and among those the one that names what went wrong wins over a summary ({@link LineKind}). Effects and
 *       symptoms are never the root of an episode that holds an error line.</li>
 *   <li><b>Orphans.</b> An episode of effects and symptoms alone (a crash loop whose cause was logged before the
 *       log at hand starts) is counted under another incident of its revision; only where there is none is it an
 *       incident of its own.</li>
 * </ol>
 * The result depends on the set of signals only, never on the order they arrived in.
 */
public final class Correlator {

    /**
     * Event time, then insertId: how Cloud Logging itself orders entries that share a timestamp. Written out rather
     * than composed from {@code Comparator.comparing}: a composed comparator's steps are calls the JIT shares with
     * every other composed comparator in the process, and sorting a crash storm's span makes millions of them.
     */
    public static final Comparator<Signal> EVENT_ORDER = Correlator::compareEvents;

    private final long windowNanos;
    private final long skewNanos;

    private record EpisodeScope(String revision, String instance) {}

    /**
     * @param window how far a cause reaches, and the longest quiet gap within one episode
     * @param skew   lines this close count as logged together: separate streams and processes reorder them
     */
    public Correlator(Duration window, Duration skew) {
        this.windowNanos = window.toNanos();
        this.skewNanos = skew.toNanos();
    }

    /**
     * The attribution of every signal that belongs to an incident, keyed by identity: the very signals it was given,
     * so equal signals given twice are told apart.
     */
    public Map<Signal, Attribution> correlate(List<Signal> signals) {
        return correlate(signals, placed -> {});
    }

    /**
     * What {@link #correlate} gives {@code batch} among the span's signals, worked out from only the part of them that
     * its chains reach ({@link ChainReach}); empty unless every signal of the batch is a failure that a chain places
     * under a known cause, as then nothing else in the span can change where it goes (docs/architecture.md, "The
     * batch's reach"). The map places the batch and the roots it is placed under, as {@link #correlate} places them.
     *
     * @param batch signals of {@code fresh} and of the span
     * @param fresh signals that are in the span but not stored yet
     */
    Optional<Map<Signal, Attribution>> inReach(List<Signal> batch, List<Signal> fresh, StoredSpan span) {
        for (Signal s : batch) {
            if (!s.isFailure()) {
                return Optional.empty(); // an unknown error's place is its episode's, which can reach across the span
            }
        }
        ChainReach reach =
                new ChainReach(span.failures(), fresh, span.firstNanos(), span.lastNanos(), windowNanos, skewNanos);
        Set<Signal> chained = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Signal, Attribution> placed = correlate(reach.partFor(batch), chained::add);
        Map<Signal, Attribution> out = new IdentityHashMap<>();
        for (Signal s : batch) {
            Attribution a = placed.get(s);
            if (!chained.contains(s) || reach.yieldingNear(s) || reach.yieldingNear(a.root())) {
                return Optional.empty();
            }
            out.put(s, a);
            out.put(a.root(), placed.get(a.root()));
        }
        return Optional.of(out);
    }

    /**
     * @param chained told of each failure a chain places under a cause that hands its root to no other line: its
     *     place depends on its explainers alone
     */
    private Map<Signal, Attribution> correlate(List<Signal> signals, Consumer<Signal> chained) {
        List<Signal> failures = new ArrayList<>(signals.size());
        List<Signal> errors = new ArrayList<>();
        for (Signal s : signals) { // loops, not streams: a storm's span is tens of thousands of signals a batch
            if (s.isFailure()) {
                failures.add(s);
            } else if (!s.known() && !s.background()) {
                errors.add(s);
            }
        }
        failures.sort(EVENT_ORDER);
        errors.sort(EVENT_ORDER);
        Chains chains = new Chains(failures, windowNanos, skewNanos);
        Map<Signal, Attribution> out = new IdentityHashMap<>(2 * failures.size() + errors.size());
        List<Attribution> roots = new ArrayList<>();
        Yields yields = new Yields(failures, errors, skewNanos);
        for (int i = 0; i < failures.size(); i++) {
            Signal root = failures.get(chains.root(i));
            if (!root.is(Role.CAUSE) || chains.alone(i) && root.signature().latent()) {
                continue;
            }
            Signal effective = yields.rootFor(root);
            int depth = chains.depth(i) + (effective == root ? 0 : 1);
            Attribution placed = new Attribution(failures.get(i), effective, confidence(effective), depth);
            put(out, roots, placed);
            if (out.get(placed.signal()) == placed && !root.signature().yields()) {
                chained.accept(placed.signal());
            }
            if (effective != root) {
                put(out, roots, new Attribution(effective, effective, confidence(effective), 0));
            }
        }
        List<Signal> unexplained = new ArrayList<>();
        for (Signal s : failures) {
            if (!out.containsKey(s) && !s.is(Role.CAUSE)) {
                unexplained.add(s);
            }
        }
        for (Signal e : errors) {
            if (!out.containsKey(e)) {
                unexplained.add(e);
            }
        }
        unexplained.sort(EVENT_ORDER);
        List<List<Signal>> orphans = new ArrayList<>();
        for (List<Signal> episode : episodes(unexplained)) {
            Attribution known = nearest(roots, episode.get(0), episode.get(episode.size() - 1), true);
            if (known != null) {
                attachEffects(out, episode, known, chains, failures);
                continue;
            }
            Signal root = rootOf(episode);
            if (root == null) {
                orphans.add(episode);
                continue;
            }
            Attribution own = new Attribution(root, root, Confidence.LOW, 0);
            put(out, roots, own);
            attachEffects(out, episode, own, chains, failures);
        }
        for (List<Signal> episode : orphans) {
            Attribution adopter = nearest(roots, episode.get(0), episode.get(episode.size() - 1), false);
            if (adopter != null) {
                attachEffects(out, episode, adopter, chains, failures);
                continue;
            }
            Signal root = episode.get(0);
            put(out, roots, new Attribution(root, root, Confidence.LOW, 0));
            for (Signal s : episode.subList(1, episode.size())) {
                put(out, roots, new Attribution(s, root, Confidence.LOW, depthUnder(root, s, chains, failures)));
            }
        }
        return out;
    }

    private static int compareEvents(Signal a, Signal b) {
        int c = Long.compare(a.timeNanos(), b.timeNanos());
        if (c != 0) {
            return c;
        }
        if (a.insertId() == null || b.insertId() == null) {
            c = a.insertId() == null ? (b.insertId() == null ? 0 : -1) : 1;
        } else {
            c = a.insertId().compareTo(b.insertId());
        }
        if (c != 0) {
            return c;
        }
        c = a.entryKey().compareTo(b.entryKey());
        return c != 0 ? c : a.signatureId().compareTo(b.signatureId());
    }

    private static Confidence confidence(Signal root) {
        return root.known() ? Confidence.HIGH : Confidence.LOW;
    }

    private static void put(Map<Signal, Attribution> out, List<Attribution> roots, Attribution a) {
        if (out.putIfAbsent(a.signal(), a) == null && a.signal() == a.root()) {
            roots.add(a);
        }
    }

    /**
     * Effects and symptoms of an episode counted under a root. Its other unknown errors stay unattributed: they
     * are part of the failure, not more of it, and an incident's step of unknown errors is its root's alone.
     */
    private static void attachEffects(
            Map<Signal, Attribution> out,
            List<Signal> episode,
            Attribution root,
            Chains chains,
            List<Signal> failures) {
        for (Signal s : episode) {
            if (s.known()) {
                out.putIfAbsent(
                        s,
                        new Attribution(
                                s, root.root(), root.confidence(), depthUnder(root.root(), s, chains, failures)));
            }
        }
    }

    /**
     * A line's depth under a root it is counted under: as far down as its own chain puts it, one further when its
     * chain has another root.
     */
    private static int depthUnder(Signal root, Signal s, Chains chains, List<Signal> failures) {
        int i = Collections.binarySearch(failures, s, EVENT_ORDER);
        return chains.depth(i) + (failures.get(chains.root(i)) == root ? 0 : 1);
    }

    /**
     * Error lines and failures of one revision and instance (lines of no instance form their revision's own),
     * split where more than a window passes without one.
     */
    private List<List<Signal>> episodes(List<Signal> signals) {
        Map<EpisodeScope, List<List<Signal>>> byScope = new LinkedHashMap<>();
        for (Signal s : signals) {
            List<List<Signal>> scope =
                    byScope.computeIfAbsent(new EpisodeScope(s.revision(), s.instance()), k -> new ArrayList<>());
            List<Signal> last = scope.isEmpty() ? null : scope.get(scope.size() - 1);
            if (last == null || s.timeNanos() - last.get(last.size() - 1).timeNanos() > windowNanos) {
                scope.add(last = new ArrayList<>());
            }
            last.add(s);
        }
        return byScope.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The root of an episode no known cause explains: its earliest error line, taking the lines within the clock
     * skew of it as simultaneous and preferring among those Java's deepest {@code Caused by:}, then any line that
     * is not a summary. Null when the episode has no error line, only effects and symptoms.
     */
    private Signal rootOf(List<Signal> episode) {
        List<Signal> candidates = episode.stream()
                .filter(s -> !s.known() && s.kind() != LineKind.FRAME)
                .toList();
        if (candidates.isEmpty()) {
            return null;
        }
        long until = candidates.get(0).timeNanos() + skewNanos;
        List<Signal> together =
                candidates.stream().filter(s -> s.timeNanos() <= until).toList();
        Signal deepest = null;
        for (Signal s : together) {
            if (Headline.isCausedBy(s.message())) {
                deepest = s;
            }
        }
        if (deepest != null) {
            return deepest;
        }
        return together.stream()
                .filter(s -> s.kind() != LineKind.SUMMARY)
                .findFirst()
                .orElse(together.get(0));
    }

    /**
     * The root nearest to an episode, within a window of it: on the same instance and revision when {@code
     * sameInstance} (an episode beside a known cause is part of its failure), else anywhere in the revision (an
     * orphan joins its revision's failure). Null when there is none.
     */
    private Attribution nearest(List<Attribution> roots, Signal first, Signal last, boolean sameInstance) {
        Attribution best = null;
        long bestGap = Long.MAX_VALUE;
        for (Attribution a : roots) {
            Signal r = a.root();
            if (!r.revision().equals(first.revision())
                    || sameInstance && !r.instance().equals(first.instance())) {
                continue;
            }
            long gap = r.timeNanos() < first.timeNanos()
                    ? first.timeNanos() - r.timeNanos()
                    : Math.max(0, r.timeNanos() - last.timeNanos());
            if ((!sameInstance || gap <= windowNanos)
                    && (gap < bestGap || gap == bestGap && best != null && EVENT_ORDER.compare(r, best.root()) < 0)) {
                best = a;
                bestGap = gap;
            }
        }
        return best;
    }
}
