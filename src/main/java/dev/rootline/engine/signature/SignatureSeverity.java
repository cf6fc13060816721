package dev.rootline.engine.signature;

/** How bad a failure is for the people paged: orders incidents and routes alerts. */
public enum SignatureSeverity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO
}
