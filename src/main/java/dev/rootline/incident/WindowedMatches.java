package dev.rootline.incident;

import dev.rootline.engine.rca.Reattribution;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.rca.StoredSpan;
import dev.rootline.template.TemplateStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's signals read from its {@link MatchWindow} where the window covers them, else from the database; every
 * write goes to both, so the two agree for as long as no other process correlates the service.
 */
record WindowedMatches(MatchWindow window, StoredMatches database) implements ServiceMatches {

    @Override
    public List<Signal> fresh(List<Signal> signals) {
        long first = signals.stream().mapToLong(Signal::timeNanos).min().orElse(Long.MAX_VALUE);
        return window.covers(first) ? window.fresh(signals) : database.fresh(signals);
    }

    @Override
    public StoredSpan around(long contextFromNanos, long fromNanos, long toNanos, Set<String> context) {
        return window.covers(contextFromNanos)
                ? window.span(contextFromNanos, fromNanos, toNanos, context)
                : database.around(contextFromNanos, fromNanos, toNanos, context);
    }

    @Override
    public List<StoredMatch> ofIncidents(Set<String> incidentIds) {
        return database.ofIncidents(incidentIds);
    }

    @Override
    public void store(Reattribution r, Map<String, TemplateStore.Sighting> sightings) {
        database.store(r, sightings);
        window.insert(r.inserted());
        window.attribute(r.moved());
        window.detach(r.detached());
    }
}
