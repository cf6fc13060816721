package dev.rootline.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An incident as the API lists it: exactly the shape README's API section gives, nulls included. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IncidentJson(
        String id,
        String status,
        String service,
        String revision,
        String title,
        String category,
        String severity,
        String confidence,
        Instant firstSeen,
        Instant lastSeen,
        long explainedCount,
        RootCause rootCause,
        List<ChainStep> chain,
        String resolvedBy,
        String uncoveredBy) {

    public record RootCause(String signatureId, String category, String summary, Evidence evidence) {}

    /** The first line of a chain step, from the log store's entry. */
    public record Evidence(String insertId, Instant timestamp, String message) {}

    public record ChainStep(String signatureId, String role, long count, Evidence evidence) {}
}
