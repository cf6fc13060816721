package dev.rootline.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A delivery that can never be ingested, kept with the reason so someone can look at it. */
@Entity
@Table(name = "quarantine")
public class QuarantinedPayload extends PanacheEntityBase {

    /** Payloads are kept up to this many characters; the rest is cut. */
    static final int MAX_PAYLOAD = 262_144;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String reason;

    @Column(name = "message_id")
    public String messageId;

    public String subscription;

    @Column(nullable = false)
    public String payload;
}
