package dev.rootline.notify;

import dev.rootline.app.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The outbox table. Writes that belong to an incident change take the caller's connection (its transaction); the
 * dispatcher's own writes each commit on their own, and a claim is a conditional update, so two processes sharing
 * one database never send the same alert at once.
 */
@ApplicationScoped
class AlertStore {

    private static final int REASON_LENGTH = 500;

    private final DataSource dataSource;

    AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds an alert unless one with the same dedup key exists; returns whether it was added. */
    boolean enqueue(
            Connection c,
            String route,
            AlertKind kind,
            String incidentId,
            String revision,
            String related,
            String dedupKey,
            long now)
            throws SQLException {
        return Sql.update(
                        c,
                        "INSERT INTO alert_outbox (route, kind, incident_id, revision, related, dedup_key, status,"
                                + " attempts, created_at, next_attempt) SELECT ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM (VALUES (1)) v (x)"
                                + " WHERE NOT EXISTS (SELECT 1 FROM alert_outbox WHERE dedup_key = ?)",
                        route,
                        kind.name(),
                        incidentId,
                        revision,
                        related,
                        dedupKey,
                        now,
                        now,
                        dedupKey)
                == 1;
    }

    /** Adds an alert that needs no dedup (a test message); returns its id. */
    long enqueue(Connection c, String route, AlertKind kind, long now) throws SQLException {
        return insert(c, route, kind, AlertStatus.PENDING, now, now);
    }

    /**
     * Pending alerts that are due, oldest first, skipping any with an older alert of the same incident and route
     * still pending: alerts of one incident are delivered in the order they were raised.
     */
    List<Alert> due(long now, int limit) {
        return run(c -> Sql.query(
                c,
                "SELECT * FROM alert_outbox o WHERE status = 'PENDING' AND next_attempt <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM alert_outbox p WHERE p.status = 'PENDING' AND p.route = o.route"
                        + " AND p.incident_id = o.incident_id AND p.id < o.id) ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY",
                Alert::of,
                now));
    }

    /** When the next pending alert is due, if any is pending. */
    Optional<Long> nextDue() {
        return run(c -> Sql.query(
                        c,
                        "SELECT MIN(next_attempt) AS due FROM alert_outbox WHERE status = 'PENDING'",
                        r -> Optional.ofNullable(Sql.nullableLong(r, "due"))))
                .get(0);
    }

    /**
     * Takes an alert for one attempt, until {@code until}: false when another process took it first. Counting the
     * attempt here means a process that dies mid-call leaves the attempt counted, and the alert due again later.
     */
    boolean claim(Alert alert, long until) {
        return run(c -> Sql.update(
                        c,
                        "UPDATE alert_outbox SET next_attempt = ?, attempts = attempts + 1"
                                + " WHERE id = ? AND status = 'PENDING' AND next_attempt = ?",
                        until,
                        alert.id(),
                        alert.nextAttempt()))
                == 1;
    }

    void sent(Alert alert, long now) {
        run(c -> Sql.update(
                c,
                "UPDATE alert_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?",
                now,
                alert.id()));
    }

    void retry(Alert alert, long at, String reason) {
        run(c -> Sql.update(
                c,
                "UPDATE alert_outbox SET next_attempt = ?, last_error = ? WHERE id = ?",
                at,
                reason(reason),
                alert.id()));
    }

    void fail(Alert alert, String reason) {
        run(c -> Sql.update(
                c,
                "UPDATE alert_outbox SET status = 'FAILED', last_error = ? WHERE id = ?",
                reason(reason),
                alert.id()));
    }

    /** Holds every pending alert of a route until {@code until} (Slack's {@code Retry-After}). */
    void pause(String route, long until, String reason) {
        run(c -> Sql.update(
                c,
                "UPDATE alert_outbox SET next_attempt = CASE WHEN next_attempt < ? THEN ?"
                        + " ELSE next_attempt END, last_error = ? WHERE route = ? AND status = 'PENDING'",
                until,
                until,
                reason(reason),
                route));
    }

    /** How many rate-limited alerts a route sent since a time. */
    long sentSince(String route, long since) {
        return run(c -> Sql.query(
                        c,
                        "SELECT COUNT(*) FROM alert_outbox WHERE route = ? AND sent_at >= ?"
                                + " AND kind NOT IN ('DIGEST', 'TEST')",
                        r -> r.getLong(1),
                        route,
                        since))
                .get(0);
    }

    /**
     * Suppresses an alert in favour of its route's next digest, created due one window from now if none is
     * waiting. One transaction, so an alert is never suppressed without a digest to report it.
     */
    void suppress(Alert alert, long now, long window) {
        run(c -> {
            c.setAutoCommit(false);
            try {
                List<Long> waiting = Sql.query(
                        c,
                        "SELECT id FROM alert_outbox WHERE route = ? AND kind = 'DIGEST'"
                                + " AND status = 'PENDING' AND attempts = 0",
                        r -> r.getLong(1),
                        alert.route());
                long digest = waiting.isEmpty()
                        ? insert(c, alert.route(), AlertKind.DIGEST, AlertStatus.PENDING, now, now + window)
                        : waiting.get(0);
                int n = Sql.update(
                        c,
                        "UPDATE alert_outbox SET status = 'SUPPRESSED', digest_id = ? WHERE id = ?",
                        digest,
                        alert.id());
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** The alerts a digest reports, oldest first. */
    List<Alert> suppressedIn(Alert digest) {
        return run(c ->
                Sql.query(c, "SELECT * FROM alert_outbox WHERE digest_id = ? ORDER BY id", Alert::of, digest.id()));
    }

    Alert find(Connection c, long id) throws SQLException {
        return Sql.query(c, "SELECT * FROM alert_outbox WHERE id = ?", Alert::of, id)
                .get(0);
    }

    /** An incident's alerts, in the order they were raised. */
    List<Alert> forIncident(String incidentId) {
        return run(c ->
                Sql.query(c, "SELECT * FROM alert_outbox WHERE incident_id = ? ORDER BY id", Alert::of, incidentId));
    }

    /** Alerts newest first, optionally of one status, after a cursor (an id). */
    List<Alert> list(Optional<AlertStatus> status, Optional<Long> before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM alert_outbox WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        status.ifPresent(s -> {
            sql.append(" AND status = ?");
            params.add(s.name());
        });
        before.ifPresent(id -> {
            sql.append(" AND id < ?");
            params.add(id);
        });
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return run(c -> Sql.query(c, sql.toString(), Alert::of, params.toArray()));
    }

    record Count(String route, AlertStatus status, long alerts) {}

    /** How many alerts each route has in each status, for the metrics. */
    List<Count> counts() {
        return run(c -> Sql.query(
                c,
                "SELECT route, status, COUNT(*) FROM alert_outbox GROUP BY route, status",
                r -> new Count(r.getString(1), AlertStatus.valueOf(r.getString(2)), r.getLong(3))));
    }

    private static long insert(Connection c, String route, AlertKind kind, AlertStatus status, long now, long due)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO alert_outbox (route, kind, status, attempts,"
                        + " created_at, next_attempt) VALUES (?, ?, ?, 0, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.bind(s, route, kind.name(), status.name(), now, due);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String reason(String reason) {
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the alert outbox failed: " + e.getMessage(), e);
        }
    }
}
