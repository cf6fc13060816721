package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.rca.RevisionProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what one incident's page shows besides its row and chain: evidence, revisions, timeline, candidates. */
@ApplicationScoped
class IncidentDetailQueries {

    private static final int EVIDENCE_LINES = 20;
    private static final int CANDIDATES = 5;

    private final RevisionRepository revisionRows;
    private final long windowNanos;

    IncidentDetailQueries(RevisionRepository revisionRows, CorrelationConfig config) {
        this.revisionRows = revisionRows;
        this.windowNanos = config.window().toNanos();
    }

    /** The incident's root lines, oldest first. */
    List<IncidentDetail.EvidenceLine> evidence(Connection c, String id) throws SQLException {
        return Sql.query(
                c,
                Sql.Plan.PER_EXECUTION,
                "SELECT * FROM evidence WHERE incident_id = ? ORDER BY time_nanos, insert_id, entry_key"
                        + " FETCH FIRST " + EVIDENCE_LINES + " ROWS ONLY",
                r -> new IncidentDetail.EvidenceLine(
                        r.getString("entry_key"),
                        r.getString("insert_id"),
                        Timestamps.instant(r.getLong("time_nanos")),
                        r.getString("revision"),
                        r.getString("instance"),
                        r.getString("message"),
                        MatchColumns.fields(r.getString("fields"))),
                id);
    }

    /** The incident's counts in each revision, with the startup phase its root first occurred in there. */
    List<IncidentDetail.RevisionCount> revisions(Connection c, String id, String service) throws SQLException {
        Map<String, RevisionProgress> progress = new HashMap<>();
        revisionRows.all(c, service).forEach(r -> progress.put(r.name(), r.progress()));
        return Sql.query(
                c,
                "SELECT * FROM incident_revision WHERE incident_id = ? ORDER BY first_seen",
                r -> {
                    Long rootFirst = Sql.nullableLong(r, "root_first_seen");
                    return new IncidentDetail.RevisionCount(
                            r.getString("revision"),
                            r.getLong("occurrences"),
                            r.getLong("explained"),
                            Timestamps.instant(r.getLong("first_seen")),
                            Timestamps.instant(r.getLong("last_seen")),
                            rootFirst == null
                                    ? null
                                    : IncidentLifecycle.phaseAt(progress.get(r.getString("revision")), rootFirst)
                                            .orElse(null));
                },
                id);
    }

    List<IncidentDetail.Event> timeline(Connection c, String id) throws SQLException {
        return Sql.query(
                c,
                "SELECT * FROM incident_event WHERE incident_id = ? ORDER BY at_nanos, kind",
                r -> new IncidentDetail.Event(
                        IncidentQueries.lower(r.getString("kind")),
                        r.getString("revision"),
                        Timestamps.instant(r.getLong("at_nanos")),
                        r.getString("related")),
                id);
    }

    /**
     * The unknown errors within one window before the incident's first failure, on the same instance: those whose
     * template is new in the revision first (docs/architecture.md, "Root-cause analysis"), then by time.
     */
    List<IncidentJson.Evidence> candidates(Connection c, String id) throws SQLException {
        record Failure(String service, String revision, String instance, long nanos) {}
        List<Failure> first = Sql.query(
                c,
                Sql.Plan.PER_EXECUTION,
                "SELECT service, revision, instance, time_nanos FROM log_match WHERE incident_id = ?"
                        + " AND role <> 'UNKNOWN' ORDER BY time_nanos, insert_id FETCH FIRST 1 ROWS ONLY",
                r -> new Failure(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)),
                id);
        if (first.isEmpty()) {
            return List.of();
        }
        Failure f = first.get(0);
        return Sql.query(
                c,
                Sql.Plan.PER_EXECUTION,
                "SELECT insert_id, time_nanos, message FROM log_match WHERE service = ? AND revision = ?"
                        + " AND instance = ? AND role = 'UNKNOWN' AND time_nanos BETWEEN ? AND ?"
                        + " ORDER BY novel DESC, time_nanos, insert_id, entry_key FETCH FIRST " + CANDIDATES
                        + " ROWS ONLY",
                IncidentQueries::evidence,
                f.service(),
                f.revision(),
                f.instance(),
                f.nanos() - windowNanos,
                f.nanos());
    }
}
