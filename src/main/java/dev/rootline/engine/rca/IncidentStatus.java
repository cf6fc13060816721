package dev.rootline.engine.rca;

/** Where an incident stands in its lifecycle (docs/architecture.md, "Lifecycle"). */
public enum IncidentStatus {
    OPEN,
    RESOLVED,
    REGRESSED;

    /** Open and regressed incidents still need someone. */
    public boolean active() {
        return this != RESOLVED;
    }
}
