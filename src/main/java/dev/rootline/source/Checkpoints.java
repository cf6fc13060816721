package dev.rootline.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Each pull source's checkpoint, in the database so that it survives restarts and is shared by replicas. */
@ApplicationScoped
class Checkpoints {

    /** The last entry a source stored: its timestamp (epoch nanoseconds) and insertId. */
    record Checkpoint(long timeNanos, String insertId) {}

    @Transactional
    Optional<Checkpoint> load(String source) {
        return SourceCheckpoint.<SourceCheckpoint>findByIdOptional(source)
                .map(row -> new Checkpoint(row.timeNanos, row.insertId));
    }

    @Transactional
    void save(String source, Checkpoint checkpoint, long now) {
        SourceCheckpoint found = SourceCheckpoint.findById(source);
        SourceCheckpoint row = found == null ? new SourceCheckpoint() : found;
        row.source = source;
        row.timeNanos = checkpoint.timeNanos();
        row.insertId = checkpoint.insertId();
        row.updatedAt = now;
        if (found == null) {
            row.persist();
        }
    }
}
