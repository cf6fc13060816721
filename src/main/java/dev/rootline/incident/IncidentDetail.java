package dev.rootline.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One incident with everything the incident page shows: the listed shape, plus the chain as five whys, the
 * remediation, the root's lines with their extracted fields, the revisions it was seen in and its timeline.
 *
 * @param candidates for a root cause of low confidence: the unknown error lines shortly before the failure on its
 *                   instance, the likeliest (the first) first; empty when a known cause explains the failure
 */
public record IncidentDetail(
        @JsonUnwrapped IncidentJson incident,
        List<String> whys,
        String remediation,
        List<EvidenceLine> evidence,
        List<RevisionCount> revisions,
        List<Event> timeline,
        List<IncidentJson.Evidence> candidates) {

    public record EvidenceLine(
            String entryKey,
            String insertId,
            Instant timestamp,
            String revision,
            String instance,
            String message,
            Map<String, String> fields) {}

    /** @param phase the startup phase the root occurred in, if the revision logged phases */
    public record RevisionCount(
            String revision, long occurrences, long explained, Instant firstSeen, Instant lastSeen, String phase) {}

    /** @param related the incident this one was uncovered by, for {@code uncovered} */
    public record Event(String kind, String revision, Instant at, String related) {}
}
