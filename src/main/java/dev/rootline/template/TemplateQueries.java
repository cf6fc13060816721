package dev.rootline.template;

import dev.rootline.app.Sql;
import dev.rootline.engine.event.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the templates for the API. */
@ApplicationScoped
public class TemplateQueries {

    /** Which templates to list; every part optional. */
    public record Filter(String service, String revision, Long sinceNanos, boolean onlyNew, int limit) {}

    private final DataSource dataSource;

    TemplateQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Newest first. With a revision, those seen in it, or with {@code onlyNew} those first seen in it; with
     * {@code onlyNew} alone, those first seen in the revision they are new in, since {@code sinceNanos}.
     */
    public List<TemplateSummary> list(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT t.* FROM template t WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.service() != null) {
            sql.append(" AND t.service = ?");
            params.add(f.service());
        }
        if (f.revision() != null && f.onlyNew()) {
            sql.append(" AND t.first_revision = ?");
            params.add(f.revision());
        } else if (f.revision() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM template_revision r WHERE r.template_id = t.id AND r.revision = ?)");
            params.add(f.revision());
        }
        if (f.sinceNanos() != null) {
            sql.append(f.onlyNew() ? " AND t.first_seen >= ?" : " AND t.last_seen >= ?");
            params.add(f.sinceNanos());
        }
        sql.append(" ORDER BY t.first_seen DESC, t.id FETCH FIRST ")
                .append(f.limit())
                .append(" ROWS ONLY");
        try (Connection c = dataSource.getConnection()) {
            return summaries(c, sql.toString(), params.toArray());
        }
    }

    public Optional<TemplateSummary> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return summaries(c, "SELECT t.* FROM template t WHERE t.id = ?", id).stream()
                    .findFirst();
        }
    }

    private static List<TemplateSummary> summaries(Connection c, String sql, Object... params) throws SQLException {
        record Row(
                String id,
                String service,
                String text,
                long firstSeen,
                String firstRevision,
                long lastSeen,
                long count,
                String samples) {}
        List<Row> rows = Sql.query(
                c,
                sql,
                r -> new Row(
                        r.getString("id"),
                        r.getString("service"),
                        r.getString("text"),
                        r.getLong("first_seen"),
                        r.getString("first_revision"),
                        r.getLong("last_seen"),
                        r.getLong("count"),
                        r.getString("samples")),
                params);
        Map<String, List<TemplateSummary.RevisionCount>> revisions = new HashMap<>();
        if (!rows.isEmpty()) {
            Sql.query(
                    c,
                    "SELECT * FROM template_revision WHERE template_id IN ("
                            + Sql.marks(rows.size())
                            + ") ORDER BY first_seen, revision",
                    r -> revisions
                            .computeIfAbsent(r.getString("template_id"), k -> new ArrayList<>())
                            .add(new TemplateSummary.RevisionCount(
                                    r.getString("revision"),
                                    r.getLong("count"),
                                    Timestamps.instant(r.getLong("first_seen")),
                                    Timestamps.instant(r.getLong("last_seen")))),
                    rows.stream().map(Row::id).toArray());
        }
        return rows.stream()
                .map(r -> new TemplateSummary(
                        r.id(),
                        r.service(),
                        r.text(),
                        Timestamps.instant(r.firstSeen()),
                        r.firstRevision(),
                        Timestamps.instant(r.lastSeen()),
                        r.count(),
                        revisions.getOrDefault(r.id(), List.of()),
                        TemplateStore.read(r.samples())))
                .toList();
    }
}
