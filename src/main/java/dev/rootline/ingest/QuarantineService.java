package dev.rootline.ingest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Keeps deliveries that are permanently bad, so that acknowledging them loses nothing silently. */
@ApplicationScoped
@Transactional
public class QuarantineService {

    private final Clock clock;

    QuarantineService(Clock clock) {
        this.clock = clock;
    }

    /** One rejected Pub/Sub delivery. */
    public record Delivery(String source, String messageId, String subscription, byte[] body) {
    }

    public QuarantinedPayload quarantine(Delivery delivery, String reason) {
        QuarantinedPayload q = new QuarantinedPayload();
        q.receivedAt = clock.instant();
        q.source = delivery.source();
        q.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        q.messageId = delivery.messageId();
        q.subscription = delivery.subscription();
        String payload = new String(delivery.body(), StandardCharsets.UTF_8);
        q.payload = payload.length() > QuarantinedPayload.MAX_PAYLOAD
                ? payload.substring(0, QuarantinedPayload.MAX_PAYLOAD) : payload;
        q.persist();
        return q;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuarantinedPayload> newest(int limit) {
        return QuarantinedPayload.findAll(Sort.descending("id")).page(Page.ofSize(limit)).list();
    }
}
