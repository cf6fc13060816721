package dev.rootline.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code log_match} table: the signals correlation works on, and where it attributed each. */
@ApplicationScoped
class MatchRepository {

    static final String UNKNOWN_ROLE = "UNKNOWN";
    /** Widths of {@code log_match}'s text columns (V6__log_match_by_time.sql). */
    static final int MESSAGE_WIDTH = 4000;

    static final int FIELDS_WIDTH = 4000;
    private static final int CHUNK = 500;
    private static final long RUN_GAP_NANOS = 60_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What correlation reads of a row. Only unknown errors come with their message, which names them; correlation
     * reads no other signal's, and a crash loop's tracebacks are most of the bytes. Binds the unknown error's id.
     */
    private static final String LOADED = "SELECT entry_key, signature_id, insert_id, time_nanos, revision, instance,"
            + " fields, novel, background, incident_id, depth, CASE WHEN signature_id = ? THEN message ELSE '' END AS message"
            + " FROM log_match";
    /** A column {@link #insert} binds as an array: its SQL element type and its value for a placed signal. */
    private record Column(String name, String sqlType, Class<?> type, ColumnValue value) {}

    @FunctionalInterface
    private interface ColumnValue {
        Object apply(Signal signal, Row placed, Map<String, TemplateStore.Sighting> sightings);
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("entry_key", "VARCHAR", String.class, (s, p, t) -> s.entryKey()),
            new Column("signature_id", "VARCHAR", String.class, (s, p, t) -> s.signatureId()),
            new Column("revision", "VARCHAR", String.class, (s, p, t) -> s.revision()),
            new Column("instance", "VARCHAR", String.class, (s, p, t) -> s.instance()),
            new Column("time_nanos", "BIGINT", Long.class, (s, p, t) -> s.timeNanos()),
            new Column("role", "VARCHAR", String.class, (s, p, t) -> role(s)),
            new Column("insert_id", "VARCHAR", String.class, (s, p, t) -> s.insertId()),
            new Column("message", "VARCHAR", String.class, (s, p, t) -> Columns.fit(s.evidence(), MESSAGE_WIDTH)),
            new Column("fields", "VARCHAR", String.class, (s, p, t) -> Columns.json(s.fields(), FIELDS_WIDTH)),
            new Column("incident_id", "VARCHAR", String.class, (s, p, t) -> p == null ? null : p.incidentId()),
            new Column("depth", "INTEGER", Integer.class, (s, p, t) -> p == null ? null : p.depth()),
            new Column(
                    "template_id",
                    "VARCHAR",
                    String.class,
                    (s, p, t) -> Optional.ofNullable(t.get(s.entryKey()))
                            .map(TemplateStore.Sighting::templateId)
                            .orElse(null)),
            new Column("novel", "BOOLEAN", Boolean.class, (s, p, t) -> s.novel()),
            new Column("background", "BOOLEAN", Boolean.class, (s, p, t) -> s.background()));
    private static final String COLUMN_NAMES =
            COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    private static final String INSERT = "INSERT INTO log_match (service, " + COLUMN_NAMES + ") SELECT ?, "
            + COLUMN_NAMES + " FROM UNNEST("
            + COLUMNS.stream()
                    .map(col -> "CAST(? AS " + col.sqlType() + " ARRAY)")
                    .collect(Collectors.joining(", ")) + ") AS u(" + COLUMN_NAMES + ")";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    /** A stored signal and its current attribution (null when it belongs to no incident). */
    record Row(Signal signal, String incidentId, Integer depth) {}

    /**
     * The signals among these, all of one service, that are not stored yet. Looked up by the runs of event time
     * they fall in, which lead the primary key: a batch holding entries hours apart reads only around its own.
     */
    List<Signal> fresh(Connection c, String service, List<Signal> signals) throws SQLException {
        Set<String> held = new HashSet<>(); // the stored keys, then each new one as it is taken
        // a gap within one run reads the rows in it; a run more costs a query
        List<List<Signal>> runs = Signal.runs(signals, RUN_GAP_NANOS);
        for (int from = 0; from < runs.size(); from += CHUNK) {
            List<List<Signal>> chunk = runs.subList(from, Math.min(runs.size(), from + CHUNK));
            List<Object> params = new ArrayList<>();
            chunk.forEach(run -> params.addAll(List.of(
                    service, run.get(0).timeNanos(), run.get(run.size() - 1).timeNanos())));
            Sql.query(
                    c,
                    Sql.Plan.PER_EXECUTION,
                    String.join(
                            " UNION ALL ",
                            java.util.Collections.nCopies(
                                    chunk.size(),
                                    "SELECT entry_key, signature_id FROM log_match WHERE service = ? AND time_nanos BETWEEN ? AND ?")),
                    r -> held.add(Signal.storedKey(r.getString(1), r.getString(2))),
                    params.toArray());
        }
        return signals.stream().filter(s -> held.add(s.storedKey())).toList();
    }

    /**
     * Stores new signals where correlation placed them (nowhere: null), and an unknown error's template (its
     * sighting, by entry key). One statement a chunk, its columns bound as arrays: PostgreSQL plans and runs one
     * statement rather than one per row.
     */
    void insert(
            Connection c,
            String service,
            List<Signal> signals,
            Function<Signal, Row> placement,
            Map<String, TemplateStore.Sighting> sightings)
            throws SQLException {
        for (int from = 0; from < signals.size(); from += CHUNK) {
            List<Signal> chunk = signals.subList(from, Math.min(signals.size(), from + CHUNK));
            List<Row> placed = chunk.stream().map(placement).toList(); // null where nowhere
            List<Object> params = new ArrayList<>(List.of(service));
            for (Column column : COLUMNS) {
                Object[] values = (Object[]) Array.newInstance(column.type(), chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    values[i] = column.value().apply(chunk.get(i), placed.get(i), sightings);
                }
                params.add(c.createArrayOf(column.sqlType(), values));
            }
            Sql.update(c, INSERT, params.toArray());
        }
    }

    /**
     * The service's signals in a span of event time, with their attributions, and before it, back to
     * {@code contextFromNanos}, those of the given signatures only (at least one): the ones that can explain or be
     * a candidate.
     * Signals of a signature no longer loaded are left out.
     */
    List<Row> load(
            Connection c,
            String service,
            long contextFromNanos,
            long fromNanos,
            long toNanos,
            Set<String> contextSignatures,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(
                Signal.UNKNOWN_ERROR,
                service,
                fromNanos,
                toNanos,
                Signal.UNKNOWN_ERROR,
                service,
                contextFromNanos,
                fromNanos));
        params.addAll(contextSignatures);
        String marks = Sql.marks(contextSignatures.size());
        return query(
                c,
                LOADED + " WHERE service = ? AND time_nanos BETWEEN ? AND ?"
                        + " UNION ALL " + LOADED + " WHERE service = ? AND time_nanos >= ? AND time_nanos < ?"
                        + " AND signature_id IN (" + marks + ")",
                signatures,
                params.toArray());
    }

    /** The signals counted under these incidents, as {@link #load} reads them. */
    List<Row> ofIncidents(
            Connection c,
            String service,
            Collection<String> incidentIds,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(Signal.UNKNOWN_ERROR, service));
        params.addAll(incidentIds);
        String marks = Sql.marks(incidentIds.size());
        return query(c, LOADED + " WHERE service = ? AND incident_id IN (" + marks + ")", signatures, params.toArray());
    }

    /**
     * The service's signals from this time on, as {@link #load} reads them, at most {@code limit} of them in time
     * order: what a {@link MatchWindow} starts from.
     */
    List<Row> since(
            Connection c, String service, long fromNanos, int limit, Function<String, SignatureDefinition> signatures)
            throws SQLException {
        return query(
                c,
                LOADED + " WHERE service = ? AND time_nanos >= ?"
                        + " ORDER BY time_nanos, entry_key, signature_id FETCH FIRST ? ROWS ONLY",
                signatures,
                Signal.UNKNOWN_ERROR,
                service,
                fromNanos,
                limit);
    }

    /** A new signal as {@link #load} reads it back once stored. */
    static Signal asLoaded(Signal s) {
        return new Signal(
                s.entryKey(),
                s.insertId(),
                s.timeNanos(),
                s.revision(),
                s.instance(),
                s.signature(),
                s.fields(),
                s.known() ? "" : s.evidence(),
                s.familiarity());
    }

    /** The root lines of an incident in one revision and span of event time, oldest first. */
    List<Signal> roots(
            Connection c,
            String incidentId,
            String revision,
            long fromNanos,
            long toNanos,
            int limit,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        return query(
                        c,
                        "SELECT * FROM log_match WHERE incident_id = ? AND revision = ? AND depth = 0"
                                + " AND time_nanos BETWEEN ? AND ? ORDER BY time_nanos, insert_id, entry_key FETCH FIRST "
                                + limit
                                + " ROWS ONLY",
                        signatures,
                        incidentId,
                        revision,
                        fromNanos,
                        toNanos)
                .stream()
                .map(Row::signal)
                .toList();
    }

    /** An incident's earliest line of one signature, in event order. */
    Row earliest(Connection c, String incidentId, String signatureId, Function<String, SignatureDefinition> signatures)
            throws SQLException {
        List<Row> rows = query(
                c,
                "SELECT * FROM log_match WHERE incident_id = ? AND signature_id = ?"
                        + " ORDER BY time_nanos, insert_id, entry_key FETCH FIRST 1 ROWS ONLY",
                signatures,
                incidentId,
                signatureId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Moves stored signals to where correlation now places them. */
    void attribute(Connection c, String service, Collection<Row> placed) throws SQLException {
        Sql.updateEach(
                c,
                "UPDATE log_match SET incident_id = ?, depth = ? WHERE service = ? AND time_nanos = ?"
                        + " AND entry_key = ? AND signature_id = ?",
                placed.stream()
                        .map(row -> new Object[] {
                            row.incidentId(),
                            row.depth(),
                            service,
                            row.signal().timeNanos(),
                            row.signal().entryKey(),
                            row.signal().signatureId()
                        })
                        .toList());
    }

    void detach(Connection c, String service, Collection<Signal> signals) throws SQLException {
        Sql.updateEach(
                c,
                "UPDATE log_match SET incident_id = NULL, depth = NULL WHERE service = ? AND time_nanos = ?"
                        + " AND entry_key = ? AND signature_id = ?",
                signals.stream()
                        .map(signal ->
                                new Object[] {service, signal.timeNanos(), signal.entryKey(), signal.signatureId()})
                        .toList());
    }

    private static List<Row> query(
            Connection c, String sql, Function<String, SignatureDefinition> signatures, Object... params)
            throws SQLException {
        List<Row> rows = Sql.query(
                c,
                Sql.Plan.PER_EXECUTION,
                sql,
                r -> {
                    String signatureId = r.getString("signature_id");
                    SignatureDefinition definition = signatures.apply(signatureId);
                    if (definition == null && !Signal.UNKNOWN_ERROR.equals(signatureId)) {
                        return null;
                    }
                    Signal signal = new Signal(
                            r.getString("entry_key"),
                            r.getString("insert_id"),
                            r.getLong("time_nanos"),
                            r.getString("revision"),
                            r.getString("instance"),
                            definition,
                            fields(r.getString("fields")),
                            r.getString("message"),
                            r.getBoolean("background")
                                    ? Familiarity.BACKGROUND
                                    : r.getBoolean("novel") ? Familiarity.NEW : Familiarity.SEEN);
                    int depth = r.getInt("depth");
                    return new Row(signal, r.getString("incident_id"), r.wasNull() ? null : depth);
                },
                params);
        rows.removeIf(java.util.Objects::isNull);
        return rows;
    }

    static String role(Signal signal) {
        return signal.known() ? signal.signature().role().name() : UNKNOWN_ROLE;
    }

    static Map<String, String> fields(String json) {
        if (json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log_match.fields holds JSON written by Rootline", e);
        }
    }
}
