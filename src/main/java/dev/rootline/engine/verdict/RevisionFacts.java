package dev.rootline.engine.verdict;

import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known of one revision when its verdict is judged.
 *
 * @param state              how far its startup got; empty while no entry of it has arrived
 * @param lastPhase          the last startup phase it reached, if it logs phases
 * @param failedPhase        the phase it failed in, if it named one
 * @param readyNanos         when it became ready
 * @param observedUntilNanos how far the service has been watched: the later of now and its newest entry, so that
 *                           an export read after the fact settles as a live stream does
 * @param turns              the incidents that opened, were uncovered or regressed in this revision
 */
public record RevisionFacts(
        String revision,
        Optional<RevisionProgress.State> state,
        Optional<String> lastPhase,
        Optional<String> failedPhase,
        OptionalLong readyNanos,
        long observedUntilNanos,
        List<Turn> turns) {

    /** An incident's turn in this revision: how it came (opened, uncovered, regressed) and how bad it is. */
    public record Turn(String incidentId, String title, SignatureSeverity severity, TimelineEvent.Kind kind) {}
}
