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

    /** Column widths (V1__quarantine.sql): longer values are cut, since a quarantine that fails loses a delivery. */
    static final int MAX_PAYLOAD = 262_144;

    static final int MAX_REASON = 2000;
    static final int MAX_MESSAGE_ID = 256;
    static final int MAX_SUBSCRIPTION = 512;

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

    /** The text cut to a column's width, without NUL characters, which PostgreSQL text cannot hold. */
    static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
