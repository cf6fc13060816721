package dev.rootline.engine.rca;

/**
 * A signal whose place changed: where it was (incident and depth, null when new or nowhere) and where it is now
 * ({@code now} null when it belongs to no incident any more), with the id of the incident it is now in.
 */
public record AttributionChange(Signal signal, String oldIncident, Integer oldDepth, Attribution now, String incident) {

    static AttributionChange placed(Signal signal, Attribution now, String incident) {
        return new AttributionChange(signal, null, null, now, incident);
    }
}
