package dev.rootline.incident;

import dev.rootline.engine.rca.IncidentStatus;
import java.util.Optional;

/** What {@code GET /api/v1/incidents} narrows to; each part optional. */
public record IncidentFilter(
        Optional<String> service,
        Optional<IncidentStatus> status,
        Optional<String> revision,
        Optional<Long> sinceNanos,
        Optional<Long> untilNanos,
        int limit,
        Optional<String> cursor) {}
