package dev.rootline.engine.rca;

import java.util.List;

/**
 * The stored signals a run of new ones is correlated against (docs/architecture.md, "Life of a batch"): every one
 * from the run's start ({@code from}) on, and before that, back a chain span, those of the signatures that can
 * explain and unknown errors. The window of a service's recent signals serves one from memory; {@link #of} serves
 * one from rows read.
 */
public interface StoredSpan {

    /** The rows from the run's start on, with their places, in event order. */
    List<StoredMatch> recent();

    /** Every row, with its place, in event order: a new list, asked for only when the run's reach does not decide it. */
    List<StoredMatch> all();

    /** The span's failures, filed by place; it may hold others, before {@link #firstNanos} or after {@link #lastNanos}. */
    FailurePlaces failures();

    /** Where the span starts: {@link #failures} before this time are not in it. */
    long firstNanos();

    /** Where the span ends: {@link #failures} after this time are not in it. */
    long lastNanos();

    /** The row of one of the span's signals, given as the very object the span holds. */
    StoredMatch rowOf(Signal signal);

    /** The span of these rows, every one of them in it. */
    static StoredSpan of(List<StoredMatch> rows, long fromNanos) {
        return new ListedSpan(rows, fromNanos);
    }
}
