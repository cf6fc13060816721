package dev.rootline.source;

import dev.rootline.app.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Each pull source's checkpoint, in the database so that it survives restarts and is shared by replicas. */
@ApplicationScoped
class Checkpoints {

    /** The last entry a source stored: its timestamp (epoch nanoseconds) and insertId. */
    record Checkpoint(long timeNanos, String insertId) {}

    private final DataSource dataSource;

    Checkpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Checkpoint> load(String source) {
        try (Connection c = dataSource.getConnection()) {
            List<Checkpoint> found = Sql.query(
                    c,
                    "SELECT time_nanos, insert_id FROM source_checkpoint WHERE source = ?",
                    r -> new Checkpoint(r.getLong(1), r.getString(2)),
                    source);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checkpoint of " + source + " failed: " + e.getMessage(), e);
        }
    }

    void save(String source, Checkpoint checkpoint, long now) {
        try (Connection c = dataSource.getConnection()) {
            if (Sql.update(
                            c,
                            "UPDATE source_checkpoint SET time_nanos = ?, insert_id = ?, updated_at = ? WHERE source = ?",
                            checkpoint.timeNanos(),
                            checkpoint.insertId(),
                            now,
                            source)
                    == 0) {
                Sql.update(
                        c,
                        "INSERT INTO source_checkpoint (source, time_nanos, insert_id, updated_at) VALUES (?, ?, ?, ?)",
                        source,
                        checkpoint.timeNanos(),
                        checkpoint.insertId(),
                        now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving the checkpoint of " + source + " failed: " + e.getMessage(), e);
        }
    }
}
