package dev.rootline.engine.rca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lifecycle of a service's incidents across its revisions (docs/architecture.md, "Lifecycle"), derived from what
 * the logs show:
 * <ul>
 *   <li>open, then resolved by a newer revision that became ready or got past the phase where the root
 *       occurred, without the root recurring there;</li>
 *   <li>regressed when the root recurs in a later revision;</li>
 *   <li>uncovered by another incident when it first appears in the revision that resolved that one.</li>
 * </ul>
 * A pure function of the revisions and occurrences, so any order of arrival yields the same history.
 */
public final class Lifecycle {

    private Lifecycle() {}

    /** A revision, ordered by when it was first seen. */
    public record RevisionView(String name, long firstSeenNanos, RevisionProgress progress) {}

    /** An incident's root seen in one revision: first when, and in which startup phase. */
    public record Occurrence(String revision, long firstNanos, Optional<String> phase) {}

    public record History(
            IncidentStatus status,
            Optional<String> resolvedBy,
            Optional<String> uncoveredBy,
            List<TimelineEvent> events) {}

    /** The history of each incident, by id. */
    public static Map<String, History> evaluate(List<RevisionView> revisions, Map<String, List<Occurrence>> incidents) {
        List<RevisionView> ordered = revisions.stream()
                .sorted(Comparator.comparingLong(RevisionView::firstSeenNanos).thenComparing(RevisionView::name))
                .toList();
        Map<String, List<TimelineEvent>> events = new LinkedHashMap<>();
        incidents.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> events.put(e.getKey(), walk(ordered, e.getValue())));
        Map<String, History> out = new LinkedHashMap<>();
        events.forEach((id, timeline) -> out.put(id, history(id, timeline, events)));
        return out;
    }

    private static List<TimelineEvent> walk(List<RevisionView> revisions, List<Occurrence> occurrences) {
        Map<String, Occurrence> byRevision = new HashMap<>();
        occurrences.forEach(o -> byRevision.merge(o.revision(), o, (a, b) -> a.firstNanos() <= b.firstNanos() ? a : b));
        List<TimelineEvent> timeline = new ArrayList<>();
        IncidentStatus status = null;
        Optional<String> phase = Optional.empty();
        for (RevisionView revision : revisions) {
            Occurrence seen = byRevision.get(revision.name());
            if (seen != null) {
                if (status == null) {
                    timeline.add(
                            new TimelineEvent(TimelineEvent.Kind.OPENED, revision.name(), seen.firstNanos(), null));
                    status = IncidentStatus.OPEN;
                } else if (status == IncidentStatus.RESOLVED) {
                    timeline.add(
                            new TimelineEvent(TimelineEvent.Kind.REGRESSED, revision.name(), seen.firstNanos(), null));
                    status = IncidentStatus.REGRESSED;
                }
                phase = seen.phase();
            } else if (status != null && status.active()) {
                OptionalLong at = resolvedAt(revision.progress(), phase);
                if (at.isPresent()) {
                    timeline.add(new TimelineEvent(TimelineEvent.Kind.RESOLVED, revision.name(), at.getAsLong(), null));
                    status = IncidentStatus.RESOLVED;
                }
            }
        }
        return timeline;
    }

    /** When a revision without the root showed it fixed: it became ready, or got past the root's phase. */
    private static OptionalLong resolvedAt(RevisionProgress progress, Optional<String> phase) {
        OptionalLong passed = phase.map(progress::passed).orElse(OptionalLong.empty());
        OptionalLong ready = progress.readyNanos();
        if (ready.isPresent() && passed.isPresent()) {
            return OptionalLong.of(Math.min(ready.getAsLong(), passed.getAsLong()));
        }
        return ready.isPresent() ? ready : passed;
    }

    private static History history(String id, List<TimelineEvent> timeline, Map<String, List<TimelineEvent>> all) {
        if (timeline.isEmpty()) {
            return new History(IncidentStatus.OPEN, Optional.empty(), Optional.empty(), List.of());
        }
        List<TimelineEvent> events = new ArrayList<>(timeline);
        TimelineEvent opened = timeline.get(0);
        Optional<String> uncoveredBy = all.entrySet().stream()
                .filter(other -> !other.getKey().equals(id))
                .flatMap(other -> other.getValue().stream()
                        .filter(e -> e.kind() == TimelineEvent.Kind.RESOLVED
                                && e.revision().equals(opened.revision()))
                        .map(e -> Map.entry(other.getKey(), e.atNanos())))
                .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
        uncoveredBy.ifPresent(by -> events.add(
                1, new TimelineEvent(TimelineEvent.Kind.UNCOVERED, opened.revision(), opened.atNanos(), by)));
        TimelineEvent last = timeline.get(timeline.size() - 1);
        IncidentStatus status = switch (last.kind()) {
            case RESOLVED -> IncidentStatus.RESOLVED;
            case REGRESSED -> IncidentStatus.REGRESSED;
            default -> IncidentStatus.OPEN;
        };
        Optional<String> resolvedBy =
                status == IncidentStatus.RESOLVED ? Optional.of(last.revision()) : Optional.empty();
        return new History(status, resolvedBy, uncoveredBy, List.copyOf(events));
    }
}
