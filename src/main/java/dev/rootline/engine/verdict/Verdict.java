package dev.rootline.engine.verdict;

import java.util.List;

/**
 * A revision's verdict and why, in one sentence.
 *
 * @param failing the incidents that fail it, worst first; empty unless the outcome is {@link VerdictOutcome#FAIL}
 */
public record Verdict(VerdictOutcome outcome, String reason, List<RevisionFacts.Turn> failing) {}
