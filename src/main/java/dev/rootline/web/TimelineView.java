package dev.rootline.web;

import dev.rootline.incident.ServiceHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service timeline laid out along one time axis: each revision and each incident placed as a bar, in percent of
 * the axis, so that the page needs no script to draw it.
 *
 * @param status the status filter, empty for all
 */
record TimelineView(
        String service,
        Instant from,
        Instant to,
        List<RevisionBar> revisions,
        List<IncidentBar> incidents,
        String since,
        String until,
        String status) {

    /** Narrowest bar drawn, in percent, so that an instant stays visible. */
    private static final double MIN_WIDTH = 0.4;

    record RevisionBar(ServiceHistory.Revision revision, double left, double width) {}

    /** @param uncoveredByTitle the title of the incident whose fix revealed this one, if any */
    record IncidentBar(ServiceHistory.Incident incident, String uncoveredByTitle, double left, double width) {}

    static TimelineView of(ServiceHistory history, String since, String until, String status) {
        List<Instant> times = Stream.concat(
                        history.revisions().stream().flatMap(r -> Stream.of(r.firstSeen(), r.lastSeen(), r.readyAt())),
                        history.incidents().stream().flatMap(i -> Stream.of(i.openedAt(), i.resolvedAt())))
                .filter(t -> t != null)
                .toList();
        Instant from = times.stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant to = times.stream().max(Instant::compareTo).orElse(from).plusSeconds(1);
        double span = Duration.between(from, to).toNanos();
        Map<String, String> titles = new HashMap<>();
        history.incidents().forEach(i -> titles.put(i.id(), i.title()));
        List<RevisionBar> revisions = history.revisions().stream()
                .map(r -> new RevisionBar(
                        r, percent(from, r.firstSeen(), span), width(r.firstSeen(), r.lastSeen(), span)))
                .toList();
        List<IncidentBar> incidents = history.incidents().stream()
                .map(i -> new IncidentBar(
                        i,
                        i.uncoveredBy() == null ? null : titles.getOrDefault(i.uncoveredBy(), i.uncoveredBy()),
                        percent(from, i.openedAt(), span),
                        width(i.openedAt(), i.resolvedAt() == null ? to : i.resolvedAt(), span)))
                .toList();
        return new TimelineView(history.service(), from, to, revisions, incidents, since, until, status);
    }

    private static double percent(Instant from, Instant at, double span) {
        return round(Math.min(100 - MIN_WIDTH, Duration.between(from, at).toNanos() / span * 100));
    }

    private static double width(Instant start, Instant end, double span) {
        return round(Math.max(MIN_WIDTH, Duration.between(start, end).toNanos() / span * 100));
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }
}
