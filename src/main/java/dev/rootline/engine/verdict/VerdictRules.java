package dev.rootline.engine.verdict;

import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.signature.SignatureSeverity;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The verdict rules (docs/architecture.md, "Verdicts"): fail once the revision failed to start or an incident of at
 * least {@code failAt} opened, was uncovered or regressed in it; pass once it has been ready for {@code settle} with
 * no such incident; nodata when the wait ended with no entry of it; pending otherwise. A later incident turns a
 * pass into a fail: the verdict is judged again on every read.
 */
public record VerdictRules(Duration settle, SignatureSeverity failAt) {

    /** Worst first (enum order runs from critical down), then in the order they came. */
    private static final Comparator<RevisionFacts.Turn> WORST_FIRST =
            Comparator.comparing(RevisionFacts.Turn::severity);

    /** @param waitOver whether the caller waits no longer: only then is a revision without entries nodata */
    public Verdict judge(RevisionFacts facts, boolean waitOver) {
        String revision = facts.revision();
        if (facts.state().isEmpty()) {
            return waitOver
                    ? new Verdict(VerdictOutcome.NODATA, "No entry of revision " + revision + " arrived.", List.of())
                    : new Verdict(VerdictOutcome.PENDING, "No entry of revision " + revision + " yet.", List.of());
        }
        List<RevisionFacts.Turn> failing = facts.turns().stream()
                .filter(t -> t.severity().compareTo(failAt) <= 0)
                .sorted(WORST_FIRST)
                .toList();
        RevisionProgress.State state = facts.state().get();
        if (state == RevisionProgress.State.FAILED || !failing.isEmpty()) {
            return new Verdict(VerdictOutcome.FAIL, failure(facts, state, failing), failing);
        }
        if (state == RevisionProgress.State.READY) {
            long readyFor = facts.observedUntilNanos() - facts.readyNanos().orElseThrow();
            if (readyFor >= settle.toNanos()) {
                return new Verdict(
                        VerdictOutcome.PASS,
                        "Revision %s has been ready for %s with no incident of severity %s or worse."
                                .formatted(revision, words(settle), lower(failAt)),
                        List.of());
            }
            return new Verdict(
                    VerdictOutcome.PENDING,
                    "Revision %s is ready; it passes once it has stayed so for %s.".formatted(revision, words(settle)),
                    List.of());
        }
        return new Verdict(
                VerdictOutcome.PENDING,
                "Revision %s is starting%s."
                        .formatted(
                                revision,
                                facts.lastPhase()
                                        .map(p -> " (reached " + p + ")")
                                        .orElse("")),
                List.of());
    }

    private static String failure(RevisionFacts facts, RevisionProgress.State state, List<RevisionFacts.Turn> failing) {
        String what = state == RevisionProgress.State.FAILED
                ? "Revision %s failed to start%s"
                        .formatted(
                                facts.revision(),
                                facts.failedPhase().map(p -> " in phase " + p).orElse(""))
                : "Revision " + facts.revision() + " is failing";
        if (failing.isEmpty()) {
            return what + ".";
        }
        RevisionFacts.Turn worst = failing.get(0);
        String more = failing.size() > 1 ? " and %d more".formatted(failing.size() - 1) : "";
        return "%s: %s (%s, %s)%s.".formatted(what, worst.title(), lower(worst.severity()), lower(worst.kind()), more);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A duration as people write it: "2m", "90s", "1h". */
    static String words(Duration d) {
        if (d.toSecondsPart() != 0 || d.isZero()) {
            return d.toSeconds() + "s";
        }
        return d.toMinutesPart() != 0 ? d.toMinutes() + "m" : d.toHours() + "h";
    }
}
