package dev.rootline.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import dev.rootline.app.Columns;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.template.TemplateStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How a signal and its place map to the columns of {@code log_match}, both ways. {@link MatchRepository} owns the table. */
final class MatchColumns {

    static final String UNKNOWN_ROLE = "UNKNOWN";
    /** Widths of {@code log_match}'s text columns (V6__log_match_by_time.sql). */
    static final int MESSAGE_WIDTH = 4000;

    static final int FIELDS_WIDTH = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
    private static final Interner<Map<String, String>> FIELD_MAPS = Interners.newWeakInterner();

    private MatchColumns() {}

    /** A column written as an array: its SQL element type and its value for a placed signal. */
    record Column(String name, String sqlType, Class<?> type, Value value) {}

    @FunctionalInterface
    interface Value {
        Object of(StoredMatch placed, Map<String, TemplateStore.Sighting> sightings);
    }

    static final List<Column> WRITTEN = List.of(
            new Column(
                    "entry_key", "VARCHAR", String.class, (p, t) -> p.signal().entryKey()),
            new Column(
                    "signature_id",
                    "VARCHAR",
                    String.class,
                    (p, t) -> p.signal().signatureId()),
            new Column("revision", "VARCHAR", String.class, (p, t) -> p.signal().revision()),
            new Column("instance", "VARCHAR", String.class, (p, t) -> p.signal().instance()),
            new Column("time_nanos", "BIGINT", Long.class, (p, t) -> p.signal().timeNanos()),
            new Column("role", "VARCHAR", String.class, (p, t) -> role(p.signal())),
            new Column(
                    "insert_id", "VARCHAR", String.class, (p, t) -> p.signal().insertId()),
            new Column(
                    "message",
                    "VARCHAR",
                    String.class,
                    (p, t) -> Columns.fit(p.signal().evidence(), MESSAGE_WIDTH)),
            new Column(
                    "fields",
                    "VARCHAR",
                    String.class,
                    (p, t) -> Columns.json(p.signal().fields(), FIELDS_WIDTH)),
            new Column("incident_id", "VARCHAR", String.class, (p, t) -> p.incidentId()),
            new Column("depth", "INTEGER", Integer.class, (p, t) -> p.depth()),
            new Column(
                    "template_id",
                    "VARCHAR",
                    String.class,
                    (p, t) -> Optional.ofNullable(t.get(p.signal().entryKey()))
                            .map(TemplateStore.Sighting::templateId)
                            .orElse(null)),
            new Column("novel", "BOOLEAN", Boolean.class, (p, t) -> p.signal().novel()),
            new Column(
                    "background", "BOOLEAN", Boolean.class, (p, t) -> p.signal().background()));

    /** Each written column's values for these placed signals, as one SQL array per column, in column order. */
    static List<Array> arrays(Connection c, List<StoredMatch> placed, Map<String, TemplateStore.Sighting> sightings)
            throws SQLException {
        List<Array> out = new ArrayList<>();
        for (Column column : WRITTEN) {
            Object[] values = (Object[]) java.lang.reflect.Array.newInstance(column.type(), placed.size());
            for (int i = 0; i < placed.size(); i++) {
                values[i] = column.value().of(placed.get(i), sightings);
            }
            out.add(c.createArrayOf(column.sqlType(), values));
        }
        return out;
    }

    /** A row as correlation reads it; null for a signature no longer loaded. */
    static StoredMatch read(ResultSet r, Function<String, SignatureDefinition> signatures) throws SQLException {
        String signatureId = r.getString("signature_id");
        SignatureDefinition definition = signatures.apply(signatureId);
        if (definition == null && !Signal.UNKNOWN_ERROR.equals(signatureId)) {
            return null;
        }
        Signal signal = new Signal(
                r.getString("entry_key"),
                r.getString("insert_id"),
                r.getLong("time_nanos"),
                shared(r.getString("revision")),
                shared(r.getString("instance")),
                definition,
                fields(r.getString("fields")),
                r.getString("message"),
                r.getBoolean("background")
                        ? Familiarity.BACKGROUND
                        : r.getBoolean("novel") ? Familiarity.NEW : Familiarity.SEEN);
        int depth = r.getInt("depth");
        return new StoredMatch(signal, r.getString("incident_id"), r.wasNull() ? null : depth);
    }

    /** A new signal as {@link #read} reads it back once stored: only unknown errors keep their message. */
    static Signal asLoaded(Signal s) {
        return new Signal(
                s.entryKey(),
                s.insertId(),
                s.timeNanos(),
                shared(s.revision()),
                shared(s.instance()),
                s.signature(),
                kept(s.fields()),
                s.known() ? "" : s.evidence(),
                s.familiarity());
    }

    /**
     * One copy of a revision or an instance for every row that names it: a service's recent rows,
     * kept in memory, name a few of each tens of thousands of times, and correlation compares them row by row.
     */
    private static String shared(String name) {
        return name == null ? null : name.intern();
    }

    /**
     * Fields as a service's recent rows keep them: a storm's rows name the same few fields and values tens of
     * thousands of times, so each distinct map is held once, immutable, in the order it was written.
     */
    private static Map<String, String> kept(Map<String, String> fields) {
        return fields.isEmpty() ? Map.of() : FIELD_MAPS.intern(ImmutableMap.copyOf(fields));
    }

    static String role(Signal signal) {
        return signal.known() ? signal.signature().role().name() : UNKNOWN_ROLE;
    }

    static Map<String, String> fields(String json) {
        if (json.equals("{}")) {
            return Map.of();
        }
        try {
            return kept(JSON.readValue(json, FIELDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log_match.fields holds JSON written by Rootline", e);
        }
    }
}
