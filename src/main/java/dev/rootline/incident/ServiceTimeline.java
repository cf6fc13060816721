package dev.rootline.incident;

import java.time.Instant;
import java.util.List;

/** A service's revisions and incident events, each in time order. */
public record ServiceTimeline(String service, List<ServiceSummary.Revision> revisions, List<Event> events) {

    /** @param related the other incident of an {@code uncovered} event */
    public record Event(Instant at, String kind, String incidentId, String title, String revision, String related) {}
}
