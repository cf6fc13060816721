package dev.rootline.notify;

import dev.rootline.app.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the outbox. Times are wall-clock epoch milliseconds. */
record Alert(
        long id,
        String route,
        AlertKind kind,
        String incidentId,
        String revision,
        String related,
        AlertStatus status,
        int attempts,
        long createdAt,
        long nextAttempt,
        Long sentAt,
        String lastError,
        Long digestId) {

    static Alert of(ResultSet r) throws SQLException {
        return new Alert(
                r.getLong("id"),
                r.getString("route"),
                AlertKind.valueOf(r.getString("kind")),
                r.getString("incident_id"),
                r.getString("revision"),
                r.getString("related"),
                AlertStatus.valueOf(r.getString("status")),
                r.getInt("attempts"),
                r.getLong("created_at"),
                r.getLong("next_attempt"),
                Sql.nullableLong(r, "sent_at"),
                r.getString("last_error"),
                Sql.nullableLong(r, "digest_id"));
    }
}
