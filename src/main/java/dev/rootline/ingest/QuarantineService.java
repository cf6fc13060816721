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
    public record Delivery(String source, String messageId, String subscription, byte[] body) {}

    public QuarantinedPayload quarantine(Delivery delivery, String reason) {
        QuarantinedPayload q = new QuarantinedPayload();
        q.receivedAt = clock.instant();
        q.source = delivery.source();
        q.reason = QuarantinedPayload.fit(reason, QuarantinedPayload.MAX_REASON);
        q.messageId = QuarantinedPayload.fit(delivery.messageId(), QuarantinedPayload.MAX_MESSAGE_ID);
        q.subscription = QuarantinedPayload.fit(delivery.subscription(), QuarantinedPayload.MAX_SUBSCRIPTION);
        q.payload = QuarantinedPayload.fit(
                new String(delivery.body(), StandardCharsets.UTF_8), QuarantinedPayload.MAX_PAYLOAD);
        q.persist();
        return q;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuarantinedPayload> newest(int limit) {
        return QuarantinedPayload.findAll(Sort.descending("id"))
                .page(Page.ofSize(limit))
                .list();
    }
}
