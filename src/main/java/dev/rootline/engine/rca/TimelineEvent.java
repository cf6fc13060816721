package dev.rootline.engine.rca;

/**
 * One change in an incident's life, at the event time the logs show it.
 *
 * @param revision the revision the change happened in (the one that resolved it, the one it recurred in)
 * @param related  the other incident involved: the one an uncovered incident was revealed by; else null
 */
public record TimelineEvent(Kind kind, String revision, long atNanos, String related) {

    public enum Kind {
        OPENED,
        UNCOVERED,
        RESOLVED,
        REGRESSED
    }
}
