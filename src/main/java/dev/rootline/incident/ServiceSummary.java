package dev.rootline.incident;

import java.time.Instant;

/**
 * A service as the services page and {@code GET /api/v1/services} show it.
 *
 * @param project        the Google Cloud project the service's logs came from
 * @param latestRevision the revision first seen last, with its state
 * @param lastIncident   the incident seen most recently, if any
 */
public record ServiceSummary(
        String name,
        String project,
        String resourceType,
        Instant lastSeen,
        Revision latestRevision,
        long openIncidents,
        LastIncident lastIncident) {

    /** @param state starting, failed or ready */
    public record Revision(
            String name,
            String state,
            String lastPhase,
            String failedPhase,
            Long failedAfterMillis,
            Instant firstSeen,
            Instant lastSeen,
            Instant readyAt) {}

    public record LastIncident(String id, String title, String status, Instant lastSeen) {}
}
