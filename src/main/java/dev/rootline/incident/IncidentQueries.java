package dev.rootline.incident;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.rca.Whys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads incidents for the API and the UI. */
@ApplicationScoped
public class IncidentQueries {

    private final DataSource dataSource;
    private final ChainSteps steps;
    private final IncidentDetailQueries details;

    IncidentQueries(DataSource dataSource, ChainSteps steps, IncidentDetailQueries details) {
        this.dataSource = dataSource;
        this.steps = steps;
        this.details = details;
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
            List<IncidentRow> rows = Sql.query(c, sql.toString(), IncidentRow::of, params.toArray());
            boolean more = rows.size() > filter.limit();
            List<IncidentRow> page = more ? rows.subList(0, filter.limit()) : rows;
            Map<String, List<IncidentJson.ChainStep>> chains =
                    chains(c, page.stream().map(IncidentRow::id).toList());
            List<IncidentJson> items = page.stream()
                    .map(r -> r.json(chains.getOrDefault(r.id(), List.of())))
                    .toList();
            return new IncidentPage(
                    items, more ? encodeCursor(page.get(page.size() - 1).sortKey()) : null);
        });
    }

    public Optional<IncidentDetail> get(String id) {
        return read(c -> {
            List<IncidentRow> rows = Sql.query(c, "SELECT * FROM incident WHERE id = ?", IncidentRow::of, id);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            IncidentRow row = rows.get(0);
            return Optional.of(new IncidentDetail(
                    row.json(chains(c, List.of(id)).getOrDefault(id, List.of())),
                    Whys.of(steps.titles(c, id)),
                    row.remediation(),
                    details.evidence(c, id),
                    details.revisions(c, id, row.service()),
                    details.timeline(c, id),
                    "LOW".equals(row.confidence()) ? details.candidates(c, id) : List.of()));
        });
    }

    /** What names an incident in a list: its service and title. */
    public record Named(String service, String title) {}

    /** The service and title of each of these incidents that exists, by id, in one query. */
    public Map<String, Named> named(Collection<String> ids) {
        Map<String, Named> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            read(c -> Sql.query(
                    c,
                    "SELECT id, service, title FROM incident WHERE id IN (" + Sql.marks(ids.size()) + ")",
                    r -> out.put(r.getString(1), new Named(r.getString(2), r.getString(3))),
                    ids.toArray()));
        }
        return out;
    }

    /** Open and regressed incidents, by service. */
    Map<String, Long> openByService() {
        Map<String, Long> out = new LinkedHashMap<>();
        read(c -> Sql.query(
                c,
                "SELECT service, SUM(CASE WHEN status = 'RESOLVED' THEN 0 ELSE 1 END) FROM incident GROUP BY service",
                r -> out.put(r.getString(1), r.getLong(2))));
        return out;
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

    static IncidentJson.Evidence evidence(ResultSet r) throws SQLException {
        return new IncidentJson.Evidence(
                r.getString("insert_id"), Timestamps.instant(r.getLong("time_nanos")), r.getString("message"));
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
