package dev.rootline.notify;

/** Where an alert is in its delivery. */
enum AlertStatus {
    /** Waiting for its first or its next attempt. */
    PENDING,
    /** Slack took it. */
    SENT,
    /** Slack refused it for good (a 4xx such as {@code invalid_payload}), or retries ran out. */
    FAILED,
    /** Held back by its route's rate limit, and reported by a digest instead. */
    SUPPRESSED
}
