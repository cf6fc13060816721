package dev.rootline.engine.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.rca.RevisionProgress.State;
import dev.rootline.engine.rca.TimelineEvent.Kind;
import dev.rootline.engine.signature.SignatureSeverity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

    private static final long READY = 1_000_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final VerdictRules RULES = new VerdictRules(Duration.ofMinutes(2), SignatureSeverity.HIGH);

    private static RevisionFacts facts(State state, long observedUntil, RevisionFacts.Turn... turns) {
        return new RevisionFacts(
                "api-00002",
                Optional.of(state),
                Optional.of("DATABASE"),
                state == State.FAILED ? Optional.of("DATABASE") : Optional.empty(),
                state == State.READY ? OptionalLong.of(READY) : OptionalLong.empty(),
                observedUntil,
                List.of(turns));
    }

    private static RevisionFacts.Turn turn(String title, SignatureSeverity severity, Kind kind) {
        return new RevisionFacts.Turn("i-" + title.length(), title, severity, kind);
    }

    @Test
    void aRevisionThatFailedToStartFailsNamingItsWorstIncident() {
        Verdict verdict = RULES.judge(
                facts(
                        State.FAILED,
                        READY,
                        turn("Worker exited with code 3", SignatureSeverity.HIGH, Kind.OPENED),
                        turn("DATABASE_HOST failed validation", SignatureSeverity.CRITICAL, Kind.UNCOVERED)),
                false);
        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.FAIL);
        assertThat(verdict.reason())
                .isEqualTo("Revision api-00002 failed to start in phase DATABASE: DATABASE_HOST failed validation"
                        + " (critical, uncovered) and 1 more.");
        assertThat(verdict.failing())
                .extracting(RevisionFacts.Turn::title)
                .first()
                .asString()
                .startsWith("DATABASE");
    }

    @Test
    void aReadyRevisionFailsOnceABadEnoughIncidentRegressesInIt() {
        Verdict verdict = RULES.judge(
                facts(
                        State.READY,
                        READY + 10 * MINUTE,
                        turn("Cache miss storm", SignatureSeverity.HIGH, Kind.REGRESSED)),
                false);
        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.FAIL);
        assertThat(verdict.reason()).isEqualTo("Revision api-00002 is failing: Cache miss storm (high, regressed).");
    }

    @Test
    void incidentsBelowTheThresholdDoNotFailIt() {
        Verdict verdict = RULES.judge(
                facts(State.READY, READY + 2 * MINUTE, turn("Slow query", SignatureSeverity.MEDIUM, Kind.OPENED)),
                false);
        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.PASS);
        assertThat(verdict.reason())
                .isEqualTo("Revision api-00002 has been ready for 2m with no incident of severity high or worse.");
    }

    @Test
    void aReadyRevisionIsPendingUntilTheSettleTimeHasPassed() {
        assertThat(RULES.judge(facts(State.READY, READY + 2 * MINUTE - 1), false)
                        .outcome())
                .isEqualTo(VerdictOutcome.PENDING);
        assertThat(RULES.judge(facts(State.READY, READY + 2 * MINUTE), false).outcome())
                .isEqualTo(VerdictOutcome.PASS);
    }

    @Test
    void aStartingRevisionIsPendingEvenWhenTheWaitIsOver() {
        Verdict verdict = RULES.judge(facts(State.STARTING, READY), true);
        assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.PENDING);
        assertThat(verdict.reason()).isEqualTo("Revision api-00002 is starting (reached DATABASE).");
    }

    @Test
    void aRevisionWithoutEntriesIsPendingWhileTheCallerWaitsAndNodataAfter() {
        RevisionFacts unseen = new RevisionFacts(
                "api-00009", Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), 0, List.of());
        assertThat(RULES.judge(unseen, false).outcome()).isEqualTo(VerdictOutcome.PENDING);
        assertThat(RULES.judge(unseen, true))
                .extracting(Verdict::outcome, Verdict::reason)
                .containsExactly(VerdictOutcome.NODATA, "No entry of revision api-00009 arrived.");
    }

    @Test
    void settleTimesReadAsPeopleWriteThem() {
        assertThat(VerdictRules.words(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(VerdictRules.words(Duration.ofHours(1))).isEqualTo("1h");
    }
}
