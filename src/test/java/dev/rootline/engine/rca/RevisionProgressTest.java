package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RevisionProgressTest {

    private final List<Signal> startup = List.of(
            at(0, "startup.phase-transition", "i1", Map.of("phase", "INIT")),
            at(1, "startup.phase-transition", "i1", Map.of("phase", "DATABASE")),
            at(2, "startup.phase-completed", "i1", Map.of("completedPhase", "DATABASE")),
            at(3, "startup.phase-transition", "i1", Map.of("phase", "WEBSOCKET")),
            at(4, "startup.phase-failed", "i1", Map.of("phase", "WEBSOCKET")),
            at(5, "gunicorn.worker-exit", "i1"));

    @Test
    void phasesReachedAndWhereStartupFailed() {
        RevisionProgress progress = RevisionProgress.of(startup, OptionalLong.empty());

        assertThat(progress.phases())
                .extracting(RevisionProgress.Phase::name)
                .containsExactly("INIT", "DATABASE", "WEBSOCKET");
        assertThat(progress.failedPhase()).contains("WEBSOCKET");
        assertThat(progress.failedAfterNanos()).hasValue(4_000_000_000L);
        assertThat(progress.state()).isEqualTo(RevisionProgress.State.FAILED);
        assertThat(progress.passed("DATABASE")).hasValue(2_000_000_000L);
        assertThat(progress.passed("WEBSOCKET")).isEmpty();
        assertThat(progress.phaseAt(3_500_000_000L)).contains("WEBSOCKET");
    }

    @Test
    void progressSeenInPartsMergesToTheSameProgress() {
        RevisionProgress whole = RevisionProgress.of(startup, OptionalLong.of(9));
        RevisionProgress later = RevisionProgress.of(startup.subList(3, 6), OptionalLong.of(9));
        RevisionProgress earlier = RevisionProgress.of(startup.subList(0, 3), OptionalLong.empty());

        assertThat(later.merge(earlier)).isEqualTo(whole);
        assertThat(earlier.merge(later)).isEqualTo(whole);
        assertThat(whole.merge(whole)).isEqualTo(whole);
    }
}
