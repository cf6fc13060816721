package dev.rootline.incident;

import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import java.util.List;

/**
 * An incident's timeline events that correlation just stored: facts, fired synchronously inside the storing
 * transaction, so that what an observer writes through the data source (it joins that transaction) commits or rolls
 * back with them. Alerting does.
 */
public record IncidentChanges(
        String service, String incidentId, SignatureSeverity severity, List<TimelineEvent> events) {}
