package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static dev.rootline.engine.rca.Signals.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The write path's pure step, without a database: what a batch of new signals changes in the chains stored around
 * it. The stored side is a list here, played forward batch by batch as the database would hold it.
 */
class ReattributionTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long SKEW = Duration.ofMillis(100).toNanos();
    private final Correlator correlator = new Correlator(Duration.ofSeconds(120), Duration.ofMillis(100));

    /** What the database holds: each stored signal's place, by stored key, and the signals themselves. */
    private final Map<String, StoredMatch> stored = new HashMap<>();

    @Test
    void aNewSignalJoinsTheIncidentOfTheStoredCauseBeforeIt() {
        Signal cause = at(0, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        batch(cause);
        Signal exit = at(1, "gunicorn.worker-exit", "i1");

        Reattribution r = batch(exit);

        String incident = place(cause).incidentId();
        assertThat(incident).isNotNull();
        assertThat(r.inserted()).containsExactly(new StoredMatch(exit, incident, 1));
        assertThat(r.moved()).as("the cause keeps its place").isEmpty();
        assertThat(r.changes()).extracting(AttributionChange::signal).containsExactly(exit);
    }

    @Test
    void aCauseThatArrivesAfterItsEffectsTakesThemOver() {
        Signal exit = at(11, "gunicorn.worker-exit", "i1");
        Signal container = at(12, "cloudrun.container-exit", "i1");
        Signal error = unknown(10, "i1", "KeyError: 'tenant_id'");
        batch(exit, container);
        Map<Signal, StoredMatch> before = places(exit, container);

        Reattribution late = batch(error);

        assertThat(places(exit, container))
                .as("the effects moved to the late error's incident")
                .allSatisfy((s, place) ->
                        assertThat(place.incidentId()).isEqualTo(place(error).incidentId()));
        assertThat(late.changes())
                .filteredOn(change -> change.signal() == exit)
                .singleElement()
                .satisfies(change -> assertThat(change.oldIncident())
                        .isEqualTo(before.get(exit).incidentId()));
        assertThat(placesOfAll()).as("as if all had come at once").isEqualTo(oneBatch(exit, container, error));
    }

    @Test
    void aStoredSignalBeforeTheBatchKeepsItsIncident() {
        Signal first = unknown(0, "i1", "KeyError: 'tenant_id'");
        batch(first);
        String incident = place(first).incidentId();

        Reattribution r = batch(at(1, "cloudrun.container-exit", "i1"));

        assertThat(place(first).incidentId()).isEqualTo(incident);
        assertThat(r.moved()).isEmpty();
        assertThat(r.detached()).isEmpty();
    }

    @Test
    void rowsOfAnIncidentLeftWithoutARootAreReadAndFollowIt() {
        Signal error = unknown(100, "i1", "KeyError: 'tenant_id'");
        Signal exit = at(101, "cloudrun.container-exit", "i1");
        batch(error, exit);
        String emptied = place(error).incidentId();
        List<Set<String>> asked = new ArrayList<>();
        Signal earlier = at(99, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));

        // only the error is in the span read: its effect is beyond it, and is read when its incident empties
        Reattribution r = Reattribution.derive(
                "shop",
                correlator,
                List.of(earlier),
                StoredSpan.of(List.of(stored.get(error.storedKey())), earlier.timeNanos() - SKEW),
                earlier.timeNanos() - SKEW,
                id -> id.equals(emptied) ? 1 : 0,
                ids -> {
                    asked.add(ids);
                    return List.of(stored.get(exit.storedKey()));
                });

        assertThat(asked).first().isEqualTo(Set.of(emptied));
        String cause = r.inserted().get(0).incidentId();
        assertThat(r.moved())
                .as("the effect read for the emptied incident follows the new root")
                .containsExactly(new StoredMatch(exit, cause, 1));
        assertThat(r.changes())
                .as("nothing is left under the emptied incident")
                .noneMatch(change -> emptied.equals(change.incident()));
    }

    @Test
    void theSameSignalsInTwoBatchesEndWhereOneBatchEnds() {
        Signal cause = at(5, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        Signal exit = at(6, "gunicorn.worker-exit", "i1");
        Signal container = at(7, "cloudrun.container-exit", "i1");
        Signal request = at(8, "cloudrun.request-failed", "i1");
        Signal other = unknown(9, "i2", "TypeError: cart.items is undefined");

        batch(container, request, other);
        batch(cause, exit);

        assertThat(placesOfAll()).isEqualTo(oneBatch(cause, exit, container, request, other));
    }

    /** Derives a batch against everything stored, and stores the outcome as the database would. */
    private Reattribution batch(Signal... signals) {
        List<Signal> fresh = List.of(signals);
        long from = fresh.stream().mapToLong(Signal::timeNanos).min().orElseThrow() - SKEW;
        Reattribution r = Reattribution.derive(
                "shop",
                correlator,
                fresh,
                StoredSpan.of(List.copyOf(stored.values()), from),
                from,
                id -> occurrences(id),
                ids -> List.of());
        r.inserted().forEach(m -> stored.put(m.signal().storedKey(), m));
        r.moved().forEach(m -> stored.put(m.signal().storedKey(), m));
        r.detached().forEach(s -> stored.put(s.storedKey(), new StoredMatch(s, null, null)));
        return r;
    }

    private long occurrences(String incidentId) {
        return stored.values().stream()
                .filter(m -> incidentId.equals(m.incidentId()) && m.root())
                .count();
    }

    private StoredMatch place(Signal s) {
        return stored.get(s.storedKey());
    }

    private Map<Signal, StoredMatch> places(Signal... signals) {
        return List.of(signals).stream().collect(Collectors.toMap(Function.identity(), this::place));
    }

    private Map<String, String> placesOfAll() {
        return stored.values().stream()
                .collect(Collectors.toMap(m -> m.signal().storedKey(), m -> m.incidentId() + "@" + m.depth()));
    }

    private Map<String, String> oneBatch(Signal... signals) {
        ReattributionTest fresh = new ReattributionTest();
        fresh.batch(signals);
        return fresh.placesOfAll();
    }
}
