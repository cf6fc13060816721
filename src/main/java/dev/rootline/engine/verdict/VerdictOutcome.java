package dev.rootline.engine.verdict;

/** What a pipeline waiting on a revision is told. */
public enum VerdictOutcome {
    /** Ready for the settle time, with no incident bad enough to fail it. */
    PASS,
    /** It failed to start, or an incident bad enough opened, was uncovered or regressed in it. */
    FAIL,
    /** Neither yet: starting, or ready for less than the settle time. */
    PENDING,
    /** No entry of the revision arrived within the wait. */
    NODATA
}
