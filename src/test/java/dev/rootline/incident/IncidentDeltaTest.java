package dev.rootline.incident;

import static dev.rootline.incident.TestSignals.SECOND;
import static dev.rootline.incident.TestSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.AttributionChange;
import dev.rootline.engine.rca.Confidence;
import dev.rootline.engine.rca.Signal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The write path's diff step, without a database: the changes a re-derivation made, as what each incident's counts
 * and times move by.
 */
class IncidentDeltaTest {

    private final Signal cause = signal(10, "config.validation-failed");
    private final Signal exit = signal(11, "gunicorn.worker-exit");
    private final Signal container = signal(12, "cloudrun.container-exit");

    @Test
    void aSignalThatMovesLeavesOneIncidentAndEntersTheOther() {
        AttributionChange moved =
                new AttributionChange(exit, "inc_old", 0, new Attribution(exit, cause, Confidence.HIGH, 1), "inc_new");

        Map<String, List<IncidentDelta>> byIncident = IncidentDelta.byIncident(List.of(moved));

        assertThat(byIncident.get("inc_old")).singleElement().satisfies(d -> {
            assertThat(d.sign()).isEqualTo(-1);
            assertThat(d.root()).as("it was the old incident's root").isTrue();
        });
        assertThat(byIncident.get("inc_new")).singleElement().satisfies(d -> {
            assertThat(d.sign()).isEqualTo(1);
            assertThat(d.depth()).isEqualTo(1);
        });
    }

    @Test
    void aNewSpanCountsItsLinesRootsAndExplainedEffects() {
        List<IncidentDelta> deltas = List.of(added(cause, 0), added(exit, 1), added(container, 2));

        ServiceState.Span span = IncidentDelta.span(deltas);

        assertThat(span).isEqualTo(new ServiceState.Span(3, 1, 2, 10 * SECOND, 12 * SECOND, Long.valueOf(10 * SECOND)));
    }

    @Test
    void withoutARemovalTheStoredTimesWidenAndNothingIsReadBack() {
        ServiceState.Span stored = new ServiceState.Span(2, 1, 1, 11 * SECOND, 12 * SECOND, 11 * SECOND);

        ServiceState.Span now = IncidentDelta.applied(stored, List.of(added(cause, 0)), null);

        assertThat(now).isEqualTo(new ServiceState.Span(3, 2, 1, 10 * SECOND, 12 * SECOND, Long.valueOf(10 * SECOND)));
    }

    @Test
    void afterARemovalTheTimesAreThoseReadBackFromTheMatchesLeft() {
        ServiceState.Span stored = new ServiceState.Span(3, 1, 2, 10 * SECOND, 12 * SECOND, 10 * SECOND);
        List<IncidentDelta> deltas = List.of(new IncidentDelta(container, 2, -1, null));
        MatchRepository.Times left = new MatchRepository.Times(10 * SECOND, 11 * SECOND, 10 * SECOND);

        assertThat(IncidentDelta.removal(deltas, Set.of())).isTrue();
        assertThat(IncidentDelta.applied(stored, deltas, left))
                .isEqualTo(new ServiceState.Span(2, 1, 1, 10 * SECOND, 11 * SECOND, Long.valueOf(10 * SECOND)));
    }

    @Test
    void aSignalThatOnlyChangedDepthIsNoRemoval() {
        List<IncidentDelta> deltas = List.of(new IncidentDelta(exit, 0, -1, null), added(exit, 1));

        assertThat(IncidentDelta.removal(deltas, IncidentDelta.keys(deltas, true)))
                .isFalse();
    }

    private IncidentDelta added(Signal s, int depth) {
        return new IncidentDelta(s, depth, 1, new Attribution(s, cause, Confidence.HIGH, depth));
    }
}
