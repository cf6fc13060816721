package dev.rootline.engine.rca;

import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The failures a chain can run through, filed for {@link ChainReach} (docs/architecture.md, "The batch's reach"):
 * those whose signature explains another by signature and the place they reach, those whose signature yields its
 * root by the instance they lie on, each list in event order. The window of a service's recent signals keeps one
 * between batches and adds to it, so a batch finds what its chains reach by searching rather than by walking its
 * span.
 */
public final class FailurePlaces {

    /**
     * Where failures of one signature can reach: a null revision and instance stand for the whole service, a null
     * instance for the whole revision.
     */
    record Place(String signatureId, String revision, String instance) {}

    /** One instance of one revision. */
    private record Instance(String revision, String instance) {}

    /** The failures of each signature that explains another, by the place they reach. */
    private final Map<Place, List<Signal>> explaining = new HashMap<>();
    /** The failures whose signature yields a root, by the instance they lie on. */
    private final Map<Instance, List<Signal>> yielding = new HashMap<>();

    /** The failures among these: in event order, as stored rows come, each is a step; out of it, an insert. */
    public static FailurePlaces of(Collection<Signal> signals) {
        FailurePlaces out = new FailurePlaces();
        signals.forEach(out::add);
        return out;
    }

    /** Files one more failure, one it does not hold yet; a signal that is no failure changes nothing. */
    public void add(Signal s) {
        for (List<Signal> list : listsOf(s)) {
            if (list.isEmpty() || Correlator.EVENT_ORDER.compare(list.get(list.size() - 1), s) < 0) {
                list.add(s); // the common case: signals arrive about in event order
            } else {
                int at = Collections.binarySearch(list, s, Correlator.EVENT_ORDER);
                list.add(at < 0 ? -at - 1 : at, s);
            }
        }
    }

    /** Forgets the failures before this time. */
    public void dropBefore(long nanos) {
        dropBefore(explaining.values(), nanos);
        dropBefore(yielding.values(), nanos);
    }

    private static void dropBefore(Collection<List<Signal>> lists, long nanos) {
        for (Iterator<List<Signal>> it = lists.iterator(); it.hasNext(); ) {
            List<Signal> list = it.next();
            list.subList(0, Chains.firstAtOrAfter(list.size(), i -> list.get(i).timeNanos(), nanos))
                    .clear();
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    private List<List<Signal>> listsOf(Signal s) {
        if (!s.isFailure()) {
            return List.of();
        }
        SignatureDefinition d = s.signature();
        List<List<Signal>> lists = new ArrayList<>(2);
        if (d.yields()) {
            lists.add(yielding.computeIfAbsent(new Instance(s.revision(), s.instance()), k -> new ArrayList<>()));
        }
        if (!d.explains().isEmpty()) {
            lists.add(explaining.computeIfAbsent(placeOf(d, s), k -> new ArrayList<>()));
        }
        return lists;
    }

    /** The signatures that explain another with a failure from {@code fromNanos} to {@code toNanos}, into out. */
    void explainingWithin(long fromNanos, long toNanos, Map<String, SignatureDefinition> out) {
        explaining.forEach((place, list) -> {
            if (!out.containsKey(place.signatureId())
                    && !Chains.within(list, fromNanos, toNanos).isEmpty()) {
                out.put(place.signatureId(), list.get(0).signature());
            }
        });
    }

    /** The failures filed at this place from {@code fromNanos} to {@code toNanos}, in event order. */
    List<Signal> at(Place place, long fromNanos, long toNanos) {
        List<Signal> list = explaining.get(place);
        return list == null ? List.of() : Chains.within(list, fromNanos, toNanos);
    }

    /** Whether a failure that yields its root lies on this revision and instance, from one time to another. */
    boolean yieldingOn(String revision, String instance, long fromNanos, long toNanos) {
        List<Signal> list = yielding.get(new Instance(revision, instance));
        return list != null && !Chains.within(list, fromNanos, toNanos).isEmpty();
    }

    private static Place placeOf(SignatureDefinition d, Signal s) {
        return switch (d.scope()) {
            case SERVICE -> new Place(d.id(), null, null);
            case REVISION -> new Place(d.id(), s.revision(), null);
            case INSTANCE -> new Place(d.id(), s.revision(), s.instance());
        };
    }

    /** The places of failures of signature d that reach failure s: an instance's, and its revision's empty one. */
    static List<Place> placesReaching(SignatureDefinition d, Signal s) {
        if (d.scope() == MatchScope.INSTANCE && !s.instance().isEmpty()) {
            return List.of(placeOf(d, s), new Place(d.id(), s.revision(), ""));
        }
        return List.of(placeOf(d, s));
    }
}
