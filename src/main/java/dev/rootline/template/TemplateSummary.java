package dev.rootline.template;

import java.time.Instant;
import java.util.List;

/**
 * One template as the API lists it.
 *
 * @param firstRevision the revision of its earliest line: where it is new
 * @param revisions     its lines per revision, in order of first appearance
 * @param samples       up to three distinct real messages
 */
public record TemplateSummary(
        String id,
        String service,
        String template,
        Instant firstSeen,
        String firstRevision,
        Instant lastSeen,
        long count,
        List<RevisionCount> revisions,
        List<String> samples) {

    public record RevisionCount(String revision, long count, Instant firstSeen, Instant lastSeen) {}
}
