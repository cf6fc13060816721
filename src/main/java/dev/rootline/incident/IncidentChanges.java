package dev.rootline.incident;

import dev.rootline.engine.rca.TimelineEvent;
import dev.rootline.engine.signature.SignatureSeverity;
import java.sql.Connection;
import java.util.List;

/**
 * An incident's timeline events that correlation just stored, fired synchronously inside the storing transaction
 * (its connection included), so that whatever observes them commits or rolls back with them: alerting does.
 */
public record IncidentChanges(
        Connection connection,
        String service,
        String incidentId,
        SignatureSeverity severity,
        List<TimelineEvent> events) {}
