package dev.rootline.engine.rca;

import dev.rootline.engine.signature.SignatureSeverity;

/**
 * The order incidents are listed in, best root cause first (README, API): active before resolved, then by
 * severity, then by recency of the revision they were last seen in. Within one revision, the incident whose
 * root appeared first comes first (in a burst of failures the first is the likeliest cause, as correlation picks
 * the earliest cause of a chain), then the one that explains most.
 * Encoded as one string that sorts in that order, so a cursor is a single comparison.
 */
public final class IncidentRank {

    private IncidentRank() {}

    /**
     * @param revisionFirstSeenNanos when the latest revision the root occurred in was first seen
     * @param rootFirstSeenNanos     when the root first occurred in that revision
     */
    public static String sortKey(
            IncidentStatus status,
            SignatureSeverity severity,
            long revisionFirstSeenNanos,
            long rootFirstSeenNanos,
            long explainedCount,
            String id) {
        return (status.active() ? '0' : '1') + "" + severity.ordinal() + descending(revisionFirstSeenNanos)
                + ascending(rootFirstSeenNanos) + descending(explainedCount) + id;
    }

    private static String ascending(long value) {
        return String.format("%019d", Math.max(0, value));
    }

    private static String descending(long value) {
        return String.format("%019d", Long.MAX_VALUE - Math.max(0, value));
    }
}
