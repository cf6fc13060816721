package dev.rootline.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a pull source got to: the last entry it stored, in the API's order (V4__sources.sql). */
@Entity
@Table(name = "source_checkpoint")
public class SourceCheckpoint extends PanacheEntityBase {

    @Id
    public String source;

    @Column(name = "time_nanos", nullable = false)
    public long timeNanos;

    @Column(name = "insert_id", nullable = false)
    public String insertId;

    /** When it was last saved, epoch milliseconds. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
