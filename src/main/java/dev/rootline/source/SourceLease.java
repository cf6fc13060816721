package dev.rootline.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The replica polling a pull source, until when (V11__source_lease.sql). */
@Entity
@Table(name = "source_lease")
public class SourceLease extends PanacheEntityBase {

    @Id
    public String source;

    @Column(nullable = false)
    public String holder;

    /** Epoch milliseconds. */
    @Column(name = "expires_at", nullable = false)
    public long expiresAt;
}
