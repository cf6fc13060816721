package dev.rootline.incident;

import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.rca.RevisionProgress;
import java.time.Instant;
import java.util.List;

/**
 * What the service timeline page draws: each revision with the startup phases it reached, and each incident as a
 * span from when it opened to when it was resolved (or is still open).
 */
public record ServiceHistory(String service, List<Revision> revisions, List<Incident> incidents) {

    /** @param failedPhase the phase the revision failed in, if it failed */
    public record Revision(
            String name,
            String state,
            Instant firstSeen,
            Instant lastSeen,
            Instant readyAt,
            List<Phase> phases,
            String failedPhase) {

        static Revision of(RevisionRepository.StoredRevision r) {
            RevisionProgress p = r.progress();
            return new Revision(
                    r.name(),
                    IncidentQueries.lower(p.state().name()),
                    Timestamps.instant(r.firstSeen()),
                    Timestamps.instant(r.lastSeen()),
                    p.readyNanos().isPresent()
                            ? Timestamps.instant(p.readyNanos().getAsLong())
                            : null,
                    p.phases().stream()
                            .map(phase -> new Phase(
                                    phase.name(),
                                    Timestamps.instant(phase.reachedNanos()),
                                    p.passed(phase.name()).isPresent()))
                            .toList(),
                    p.failedPhase().orElse(null));
        }
    }

    /** A startup phase reached, and whether the revision got past it. */
    public record Phase(String name, Instant reachedAt, boolean passed) {}

    /** @param resolvedAt null while the incident is active */
    public record Incident(
            String id,
            String title,
            String status,
            String severity,
            String revision,
            Instant openedAt,
            Instant resolvedAt,
            String resolvedBy,
            String uncoveredBy) {}
}
