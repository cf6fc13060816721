package dev.rootline.incident;

import dev.rootline.engine.event.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** An incident row, before its chain is attached. */
record IncidentRow(
        String id,
        String status,
        String service,
        String revision,
        String title,
        String category,
        String severity,
        String confidence,
        long firstSeen,
        long lastSeen,
        long explained,
        String signatureId,
        String summary,
        String remediation,
        String resolvedBy,
        String uncoveredBy,
        String sortKey) {

    static IncidentRow of(ResultSet r) throws SQLException {
        return new IncidentRow(
                r.getString("id"),
                r.getString("status"),
                r.getString("service"),
                r.getString("revision"),
                r.getString("title"),
                r.getString("category"),
                r.getString("severity"),
                r.getString("confidence"),
                r.getLong("first_seen"),
                r.getLong("last_seen"),
                r.getLong("explained_count"),
                r.getString("signature_id"),
                r.getString("summary"),
                r.getString("remediation"),
                r.getString("resolved_by"),
                r.getString("uncovered_by"),
                r.getString("sort_key"));
    }

    IncidentJson json(List<IncidentJson.ChainStep> chain) {
        IncidentJson.Evidence root = chain.isEmpty() ? null : chain.get(0).evidence();
        return new IncidentJson(
                id,
                IncidentQueries.lower(status),
                service,
                revision,
                title,
                category,
                IncidentQueries.lower(severity),
                IncidentQueries.lower(confidence),
                Timestamps.instant(firstSeen),
                Timestamps.instant(lastSeen),
                explained,
                new IncidentJson.RootCause(signatureId, category, summary, root),
                chain,
                resolvedBy,
                uncoveredBy);
    }
}
