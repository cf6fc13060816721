package dev.rootline.incident;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.RootlineConfig;
import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.rca.RevisionProgress;
import dev.rootline.engine.rca.Whys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads incidents for the API and the UI. */
@ApplicationScoped
public class IncidentQueries {

    private static final int EVIDENCE_LINES = 20;
    private static final int CANDIDATES = 5;

    private final DataSource dataSource;
    private final RevisionRepository revisionRows;
    private final long windowNanos;

    IncidentQueries(DataSource dataSource, RevisionRepository revisionRows, RootlineConfig config) {
        this.dataSource = dataSource;
        this.revisionRows = revisionRows;
        this.windowNanos = config.correlation().window().toNanos();
    }

    public IncidentPage list(IncidentFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.service().ifPresent(s -> where(sql, params, " AND service = ?", s));
        filter.status().ifPresent(s -> where(sql, params, " AND status = ?", s.name()));
        filter.revision()
                .ifPresent(r -> where(
                        sql,
                        params,
                        " AND EXISTS (SELECT 1 FROM incident_revision r WHERE r.incident_id = incident.id AND r.revision = ?)",
                        r));
        filter.sinceNanos().ifPresent(t -> where(sql, params, " AND last_seen >= ?", t));
        filter.untilNanos().ifPresent(t -> where(sql, params, " AND first_seen <= ?", t));
        filter.cursor().ifPresent(c -> where(sql, params, " AND sort_key > ?", decodeCursor(c)));
        sql.append(" ORDER BY sort_key FETCH FIRST ").append(filter.limit() + 1).append(" ROWS ONLY");
        return read(c -> {
            List<Row> rows = Sql.query(c, sql.toString(), Row::of, params.toArray());
            boolean more = rows.size() > filter.limit();
            List<Row> page = more ? rows.subList(0, filter.limit()) : rows;
            Map<String, List<IncidentJson.ChainStep>> chains =
                    chains(c, page.stream().map(Row::id).toList());
            List<IncidentJson> items = page.stream()
                    .map(r -> r.json(chains.getOrDefault(r.id(), List.of())))
                    .toList();
            return new IncidentPage(
                    items, more ? encodeCursor(page.get(page.size() - 1).sortKey()) : null);
        });
    }

    public Optional<IncidentDetail> get(String id) {
        return read(c -> {
            List<Row> rows = Sql.query(c, "SELECT * FROM incident WHERE id = ?", Row::of, id);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Row row = rows.get(0);
            IncidentJson incident = row.json(chains(c, List.of(id)).getOrDefault(id, List.of()));
            List<String> titles = Sql.query(
                    c,
                    "SELECT title FROM chain_step WHERE incident_id = ? ORDER BY depth, first_nanos, signature_id",
                    r -> r.getString(1),
                    id);
            List<IncidentDetail.EvidenceLine> evidence = Sql.query(
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
                            MatchRepository.fields(r.getString("fields"))),
                    id);
            Map<String, RevisionProgress> progress = new HashMap<>();
            revisionRows.all(c, row.service()).forEach(r -> progress.put(r.name(), r.progress()));
            List<IncidentDetail.RevisionCount> revisions = Sql.query(
                    c,
                    "SELECT * FROM incident_revision" + " WHERE incident_id = ? ORDER BY first_seen",
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
            return Optional.of(new IncidentDetail(
                    incident,
                    Whys.of(titles),
                    row.remediation(),
                    evidence,
                    revisions,
                    timeline(c, id),
                    "LOW".equals(row.confidence()) ? candidates(c, id) : List.of()));
        });
    }

    /**
     * The unknown errors within one window before the incident's first failure, on the same instance: those whose
     * template is new in the revision first (docs/architecture.md, "Root-cause analysis"), then by time.
     */
    private List<IncidentJson.Evidence> candidates(Connection c, String id) throws SQLException {
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

    private static List<IncidentDetail.Event> timeline(Connection c, String id) throws SQLException {
        return Sql.query(
                c,
                "SELECT * FROM incident_event WHERE incident_id = ? ORDER BY at_nanos, kind",
                r -> new IncidentDetail.Event(
                        lower(r.getString("kind")),
                        r.getString("revision"),
                        Timestamps.instant(r.getLong("at_nanos")),
                        r.getString("related")),
                id);
    }

    /** Each incident's chain, root first, with the first line of every step. */
    private static Map<String, List<IncidentJson.ChainStep>> chains(Connection c, List<String> ids)
            throws SQLException {
        Map<String, List<IncidentJson.ChainStep>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = Sql.marks(ids.size());
        Sql.query(
                c,
                Sql.Plan.PER_EXECUTION,
                "SELECT s.incident_id, s.signature_id, s.role, s.count, m.insert_id, m.time_nanos, m.message"
                        + " FROM chain_step s JOIN incident i ON i.id = s.incident_id JOIN log_match m ON m.service = i.service"
                        + " AND m.time_nanos = s.first_nanos AND m.entry_key = s.entry_key AND m.signature_id = s.signature_id"
                        + " WHERE s.incident_id IN (" + marks
                        + ") ORDER BY s.incident_id, s.depth, s.first_nanos, s.signature_id",
                r -> out.computeIfAbsent(r.getString("incident_id"), k -> new ArrayList<>())
                        .add(new IncidentJson.ChainStep(
                                r.getString("signature_id"),
                                lower(r.getString("role")),
                                r.getLong("count"),
                                evidence(r))),
                ids.toArray());
        return out;
    }

    private static IncidentJson.Evidence evidence(ResultSet r) throws SQLException {
        return new IncidentJson.Evidence(
                r.getString("insert_id"), Timestamps.instant(r.getLong("time_nanos")), r.getString("message"));
    }

    /** An incident row, before its chain is attached. */
    private record Row(
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

        static Row of(ResultSet r) throws SQLException {
            return new Row(
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
                    lower(status),
                    service,
                    revision,
                    title,
                    category,
                    lower(severity),
                    lower(confidence),
                    Timestamps.instant(firstSeen),
                    Timestamps.instant(lastSeen),
                    explained,
                    new IncidentJson.RootCause(signatureId, category, summary, root),
                    chain,
                    resolvedBy,
                    uncoveredBy);
        }
    }

    static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static void where(StringBuilder sql, List<Object> params, String clause, Object value) {
        sql.append(clause);
        params.add(value);
    }

    private static String encodeCursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("cursor: not a cursor this API returned");
        }
    }

    @FunctionalInterface
    interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading incidents failed: " + e.getMessage(), e);
        }
    }
}
