package dev.rootline.incident;

import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.Signal;

/**
 * A stored signal whose place changed: where it was (incident and depth, null when nowhere) and where it is now
 * (null when it belongs to no incident any more), with the id of the incident it is now in.
 */
record AttributionChange(Signal signal, String oldIncident, Integer oldDepth, Attribution now, String incident) {}
