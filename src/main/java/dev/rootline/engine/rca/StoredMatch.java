package dev.rootline.engine.rca;

import java.util.Objects;

/**
 * A signal as stored, with where correlation last placed it: an incident and a depth, both null when it belongs to
 * no incident.
 */
public record StoredMatch(Signal signal, String incidentId, Integer depth) {

    public boolean root() {
        return Integer.valueOf(0).equals(depth);
    }

    /** Whether it stands where {@code other} places it. */
    public boolean samePlace(StoredMatch other) {
        return Objects.equals(incidentId, other == null ? null : other.incidentId)
                && Objects.equals(depth, other == null ? null : other.depth);
    }
}
