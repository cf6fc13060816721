package dev.rootline.incident;

import dev.rootline.app.Sql;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code log_match} table: the signals correlation works on, and where it attributed each. */
@ApplicationScoped
class MatchRepository {

    private static final int CHUNK = 500;
    private static final long RUN_GAP_NANOS = 60_000_000_000L;
    /**
     * What correlation reads of a row. Only unknown errors come with their message, which names them; correlation
     * reads no other signal's, and a crash loop's tracebacks are most of the bytes. Binds the unknown error's id.
     */
    private static final String LOADED = "SELECT entry_key, signature_id, insert_id, time_nanos, revision, instance,"
            + " fields, novel, background, incident_id, depth, CASE WHEN signature_id = ? THEN message ELSE '' END AS message"
            + " FROM log_match";

    private static final String NAMES =
            MatchColumns.WRITTEN.stream().map(MatchColumns.Column::name).collect(Collectors.joining(", "));
    private static final String INSERT = "INSERT INTO log_match (service, " + NAMES + ") SELECT ?, " + NAMES
            + " FROM UNNEST("
            + MatchColumns.WRITTEN.stream()
                    .map(col -> "CAST(? AS " + col.sqlType() + " ARRAY)")
                    .collect(Collectors.joining(", "))
            + ") AS u(" + NAMES + ")";
    private static final String KEYS_IN_RUN =
            "SELECT entry_key, signature_id FROM log_match WHERE service = ? AND time_nanos BETWEEN ? AND ?";
    /** The times of an incident's first line in a revision, its last, and its first root line (each binds both). */
    private static final String TIMES = "SELECT " + timeOf("", "") + ", " + timeOf("", " DESC") + ", "
            + timeOf(" AND m.depth = 0", "") + " FROM (VALUES (1)) v (x)";

    /** An incident's first and last line in a revision, and its first root line there (null when none is left). */
    record Times(Long first, Long last, Long rootFirst) {}

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
            String sql = String.join(" UNION ALL ", Collections.nCopies(chunk.size(), KEYS_IN_RUN));
            Sql.query(
                    c,
                    Sql.Plan.PER_EXECUTION,
                    sql,
                    r -> held.add(Signal.storedKey(r.getString(1), r.getString(2))),
                    params.toArray());
        }
        return signals.stream().filter(s -> held.add(s.storedKey())).toList();
    }

    /**
     * Stores new signals where correlation placed them, and an unknown error's template (its sighting, by entry
     * key). One statement a chunk, its columns bound as arrays: PostgreSQL plans and runs one statement rather than
     * one per row.
     */
    void insert(Connection c, String service, List<StoredMatch> placed, Map<String, TemplateStore.Sighting> sightings)
            throws SQLException {
        for (int from = 0; from < placed.size(); from += CHUNK) {
            List<StoredMatch> chunk = placed.subList(from, Math.min(placed.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(List.of(service));
            params.addAll(MatchColumns.arrays(c, chunk, sightings));
            Sql.update(c, INSERT, params.toArray());
        }
    }

    /**
     * The service's signals in a span of event time, with their attributions, and before it, back to
     * {@code contextFromNanos}, those of the given signatures only (at least one): the ones that can explain or be
     * a candidate. Signals of a signature no longer loaded are left out.
     */
    List<StoredMatch> load(
            Connection c,
            String service,
            long contextFromNanos,
            long fromNanos,
            long toNanos,
            Set<String> contextSignatures,
            LoadedSignatures signatures)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(Signal.UNKNOWN_ERROR, service, fromNanos, toNanos));
        params.addAll(List.of(Signal.UNKNOWN_ERROR, service, contextFromNanos, fromNanos));
        params.addAll(contextSignatures);
        return query(
                c,
                LOADED + " WHERE service = ? AND time_nanos BETWEEN ? AND ?"
                        + " UNION ALL " + LOADED + " WHERE service = ? AND time_nanos >= ? AND time_nanos < ?"
                        + " AND signature_id IN (" + Sql.marks(contextSignatures.size()) + ")",
                signatures,
                params.toArray());
    }

    /** The signals counted under these incidents, as {@link #load} reads them. */
    List<StoredMatch> ofIncidents(
            Connection c, String service, Collection<String> incidentIds, LoadedSignatures signatures)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(Signal.UNKNOWN_ERROR, service));
        params.addAll(incidentIds);
        String marks = Sql.marks(incidentIds.size());
        return query(c, LOADED + " WHERE service = ? AND incident_id IN (" + marks + ")", signatures, params.toArray());
    }

    /** The service's signals from this time on, as {@link #load} reads them, at most {@code limit}, in time order. */
    List<StoredMatch> since(Connection c, String service, long fromNanos, int limit, LoadedSignatures signatures)
            throws SQLException {
        String sql = LOADED + " WHERE service = ? AND time_nanos >= ?"
                + " ORDER BY time_nanos, entry_key, signature_id FETCH FIRST ? ROWS ONLY";
        return query(c, sql, signatures, Signal.UNKNOWN_ERROR, service, fromNanos, limit);
    }

    /** The root lines of an incident in one revision and span of event time, oldest first. */
    List<Signal> roots(
            Connection c,
            String incidentId,
            String revision,
            long fromNanos,
            long toNanos,
            int limit,
            LoadedSignatures signatures)
            throws SQLException {
        String sql = "SELECT * FROM log_match WHERE incident_id = ? AND revision = ? AND depth = 0"
                + " AND time_nanos BETWEEN ? AND ? ORDER BY time_nanos, insert_id, entry_key FETCH FIRST ? ROWS ONLY";
        return query(c, sql, signatures, incidentId, revision, fromNanos, toNanos, limit).stream()
                .map(StoredMatch::signal)
                .toList();
    }

    /** An incident's earliest line of one signature, in event order. */
    StoredMatch earliest(Connection c, String incidentId, String signatureId, LoadedSignatures signatures)
            throws SQLException {
        String sql = "SELECT * FROM log_match WHERE incident_id = ? AND signature_id = ?"
                + " ORDER BY time_nanos, insert_id, entry_key FETCH FIRST 1 ROWS ONLY";
        return query(c, sql, signatures, incidentId, signatureId).stream()
                .findFirst()
                .orElse(null);
    }

    Times times(Connection c, String incidentId, String revision) throws SQLException {
        Object[] bound = {incidentId, revision, incidentId, revision, incidentId, revision};
        Sql.RowMapper<Times> times =
                r -> new Times(Sql.nullableLong(r, 1), Sql.nullableLong(r, 2), Sql.nullableLong(r, 3));
        return Sql.query(c, Sql.Plan.PER_EXECUTION, TIMES, times, bound).get(0);
    }

    /** Moves stored signals to where correlation now places them, or nowhere. */
    void attribute(Connection c, String service, Collection<StoredMatch> placed) throws SQLException {
        String sql = "UPDATE log_match SET incident_id = ?, depth = ? WHERE service = ? AND time_nanos = ?"
                + " AND entry_key = ? AND signature_id = ?";
        Sql.updateEach(c, sql, placed.stream().map(row -> bound(service, row)).toList());
    }

    private static Object[] bound(String service, StoredMatch row) {
        Signal s = row.signal();
        return new Object[] {row.incidentId(), row.depth(), service, s.timeNanos(), s.entryKey(), s.signatureId()};
    }

    /**
     * Reads the incident index (incident, revision, time) from one end instead of aggregating: H2 reads an index
     * in order only for a sort by its leading columns, so the order names every one.
     */
    private static String timeOf(String condition, String direction) {
        return "(SELECT time_nanos FROM log_match m WHERE m.incident_id = ? AND m.revision = ?" + condition
                + " ORDER BY m.incident_id" + direction + ", m.revision" + direction + ", m.time_nanos" + direction
                + " FETCH FIRST 1 ROWS ONLY)";
    }

    private static List<StoredMatch> query(Connection c, String sql, LoadedSignatures signatures, Object... params)
            throws SQLException {
        List<StoredMatch> rows =
                Sql.query(c, Sql.Plan.PER_EXECUTION, sql, r -> MatchColumns.read(r, signatures::definition), params);
        rows.removeIf(Objects::isNull);
        return rows;
    }
}
