package dev.rootline.engine.rca;

/** How sure Rootline is of a root cause. */
public enum Confidence {
    /** A known cause signature, explaining what followed. */
    HIGH,
    /** No known cause explains the failure: the best candidate line, or the failure itself. */
    LOW
}
