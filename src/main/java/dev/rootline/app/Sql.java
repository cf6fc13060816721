package dev.rootline.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

/** Parameter binding and row reading for plain SQL that is portable between H2 and PostgreSQL. */
public final class Sql {

    private Sql() {}

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** How PostgreSQL plans a statement it executes again (H2 plans each statement once). */
    public enum Plan {
        /** Once, after a few executions, for any parameters: lookups and writes by key, whose plan never changes. */
        REUSED,
        /**
         * For its parameters, at every execution: reads by a range of a table that grows ({@code log_match}). A plan
         * made for any parameters while the table was small (a scan of all of it) would be kept as it grows: the
         * duplicate check of a busy service fell from 27k to 3k entries/s that way.
         */
        PER_EXECUTION
    }

    /** {@code ?, ?, ?}: the placeholders of an {@code IN} list of n values. */
    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        return update(c, Plan.REUSED, sql, params);
    }

    public static int update(Connection c, Plan plan, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, plan, sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    /** Runs one statement for each row of parameters, in one round trip to the database. */
    public static void updateEach(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        return query(c, Plan.REUSED, sql, mapper, params);
    }

    public static <T> List<T> query(Connection c, Plan plan, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement s = prepare(c, plan, sql)) {
            bind(s, params);
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(mapper.map(r));
                }
            }
            return out;
        }
    }

    /**
     * PostgreSQL's driver prepares a statement on the server from its fifth execution on, and the server then keeps
     * one plan for it if that plan is as cheap as the first five were; without that server-side statement, the
     * server plans every execution for its parameters.
     */
    private static PreparedStatement prepare(Connection c, Plan plan, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            if (plan == Plan.PER_EXECUTION && s.isWrapperFor(PGStatement.class)) {
                s.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet r, String column) throws SQLException {
        return nullableLong(r, r.findColumn(column));
    }

    /** A nullable BIGINT column, by position. */
    public static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }
}
