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
 * One service's stored signals, as one correlation transaction reads and writes them: from the database, or
 * through a {@link MatchWindow} that keeps the recent ones in memory and writes through to the database. Failures
 * surface as {@link CorrelationFailedException}, which rolls the transaction back.
 */
interface ServiceMatches {

    /** The signals among these that are not stored yet, each once. */
    List<Signal> fresh(List<Signal> signals);

    /**
     * The signals from {@code fromNanos} to {@code toNanos}, and before that, back to {@code contextFromNanos}, those
     * of the context signatures only: the ones that can explain or be a candidate.
     */
    StoredSpan around(long contextFromNanos, long fromNanos, long toNanos, Set<String> contextSignatures);

    /** The signals counted under these incidents. */
    List<StoredMatch> ofIncidents(Set<String> incidentIds);

    /** Stores what a re-derivation decided: the new signals where they go, and the stored ones moved. */
    void store(Reattribution reattribution, Map<String, TemplateStore.Sighting> sightings);
}
