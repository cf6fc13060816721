package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void aFixResolvesTheRootAndUncoversTheNextLayer() {
        var r1 = revision("r1", 0, Map.of("DATABASE", 1L, "WEBSOCKET", 2L), null);
        var r2 = revision(
                "r2",
                10,
                Map.of("DATABASE", 10 * MINUTE + 1, "WEBSOCKET", 10 * MINUTE + 2, "CONFIGURATION", 10 * MINUTE + 3),
                null);
        var r3 = revision("r3", 20, Map.of("DATABASE", 20 * MINUTE + 1), 20 * MINUTE + 5);
        var r4 = revision("r4", 30, Map.of(), null);
        Map<String, Lifecycle.History> histories = Lifecycle.evaluate(
                List.of(r4, r2, r3, r1),
                Map.of(
                        "A", List.of(seen("r1", 3, "WEBSOCKET")),
                        "B", List.of(seen("r2", 10 * MINUTE + 4, "CONFIGURATION"), seen("r4", 30 * MINUTE + 1, null))));

        Lifecycle.History a = histories.get("A");
        assertThat(a.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(a.resolvedBy()).contains("r2");
        assertThat(a.events()).extracting(TimelineEvent::atNanos).containsExactly(3L, 10 * MINUTE + 3);

        Lifecycle.History b = histories.get("B");
        assertThat(b.status()).isEqualTo(IncidentStatus.REGRESSED);
        assertThat(b.resolvedBy()).isEmpty();
        assertThat(b.uncoveredBy()).contains("A");
        assertThat(b.events())
                .extracting(TimelineEvent::kind)
                .containsExactly(
                        TimelineEvent.Kind.OPENED,
                        TimelineEvent.Kind.UNCOVERED,
                        TimelineEvent.Kind.RESOLVED,
                        TimelineEvent.Kind.REGRESSED);
        assertThat(b.events()).extracting(TimelineEvent::revision).containsExactly("r2", "r2", "r3", "r4");
    }

    @Test
    void aRevisionThatFailsEarlierOrRepeatsTheRootResolvesNothing() {
        var r1 = revision("r1", 0, Map.of("DATABASE", 1L, "WEBSOCKET", 2L), null);
        var earlier = revision("r2", 10, Map.of("DATABASE", 10 * MINUTE + 1), null);
        var repeats = revision(
                "r3",
                20,
                Map.of("DATABASE", 20 * MINUTE, "WEBSOCKET", 20 * MINUTE + 1, "FINALIZE", 20 * MINUTE + 2),
                20 * MINUTE + 3);

        Lifecycle.History a = Lifecycle.evaluate(
                        List.of(r1, earlier, repeats),
                        Map.of("A", List.of(seen("r1", 3, "WEBSOCKET"), seen("r3", 20 * MINUTE + 1, "WEBSOCKET"))))
                .get("A");

        assertThat(a.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(a.events()).extracting(TimelineEvent::kind).containsExactly(TimelineEvent.Kind.OPENED);
    }

    private static Lifecycle.RevisionView revision(String name, long minute, Map<String, Long> phases, Long ready) {
        return new Lifecycle.RevisionView(
                name,
                minute * MINUTE,
                new RevisionProgress(
                        phases,
                        Map.of(),
                        OptionalLong.empty(),
                        Optional.empty(),
                        ready == null ? OptionalLong.empty() : OptionalLong.of(ready)));
    }

    private static Lifecycle.Occurrence seen(String revision, long nanos, String phase) {
        return new Lifecycle.Occurrence(revision, nanos, Optional.ofNullable(phase));
    }
}
