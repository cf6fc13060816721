package dev.rootline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rootline.incident.ServiceHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineViewTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void barsArePlacedOnOneAxisAndAnActiveIncidentRunsToItsEnd() {
        ServiceHistory history = new ServiceHistory(
                "svc",
                List.of(
                        revision("svc-1", T, T.plusSeconds(10)),
                        revision("svc-2", T.plusSeconds(500), T.plusSeconds(999))),
                List.of(incident("a", T, T.plusSeconds(500), null), incident("b", T.plusSeconds(500), null, "a")));

        TimelineView view = TimelineView.of(history, null, null, null);

        assertThat(view.revisions()).extracting(TimelineView.RevisionBar::left).containsExactly(0.0, 50.0);
        assertThat(view.revisions().get(0).width()).isEqualTo(1.0);
        assertThat(view.incidents())
                .extracting(TimelineView.IncidentBar::left, TimelineView.IncidentBar::width)
                .containsExactly(tuple(0.0, 50.0), tuple(50.0, 50.0));
        assertThat(view.incidents().get(1).uncoveredByTitle()).isEqualTo("title a");
    }

    @Test
    void anInstantStaysVisible() {
        ServiceHistory history = new ServiceHistory("svc", List.of(revision("svc-1", T, T)), List.of());
        assertThat(TimelineView.of(history, null, null, null).revisions().get(0).width())
                .isEqualTo(0.4);
    }

    private static ServiceHistory.Revision revision(String name, Instant first, Instant last) {
        return new ServiceHistory.Revision(name, "failed", first, last, null, List.of(), null);
    }

    private static ServiceHistory.Incident incident(String id, Instant opened, Instant resolved, String uncoveredBy) {
        return new ServiceHistory.Incident(
                id,
                "title " + id,
                resolved == null ? "open" : "resolved",
                "high",
                "svc-1",
                opened,
                resolved,
                null,
                uncoveredBy);
    }
}
