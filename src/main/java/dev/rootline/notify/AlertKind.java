package dev.rootline.notify;

import dev.rootline.engine.rca.TimelineEvent;

/** What an alert announces: an incident change, a digest of alerts a rate limit held back, or a test. */
enum AlertKind {
    OPENED,
    UNCOVERED,
    REGRESSED,
    RESOLVED,
    DIGEST,
    TEST;

    static AlertKind of(TimelineEvent.Kind kind) {
        return valueOf(kind.name());
    }

    /** Counted against its route's rate limit; digests and tests are not. */
    boolean limited() {
        return this != DIGEST && this != TEST;
    }
}
