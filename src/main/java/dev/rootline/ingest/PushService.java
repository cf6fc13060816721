package dev.rootline.ingest;

import dev.rootline.engine.event.InvalidEntryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Pub/Sub push: an entry is acknowledged once stored; a permanently bad delivery is quarantined and
 * acknowledged, so Pub/Sub stops redelivering it; anything transient is an IOException, so it redelivers.
 */
@ApplicationScoped
public class PushService {

    private final IngestService ingest;
    private final QuarantineService quarantine;

    PushService(IngestService ingest, QuarantineService quarantine) {
        this.ingest = ingest;
        this.quarantine = quarantine;
    }

    public PushOutcome receive(QuarantineService.Delivery delivery, boolean wrapped) throws IOException {
        try {
            return new PushOutcome.Stored(ingest.ingestPush(delivery.body(), wrapped));
        } catch (InvalidEntryException e) {
            try {
                return new PushOutcome.Quarantined(quarantine.quarantine(delivery, e.getMessage()).id, e.getMessage());
            } catch (RuntimeException dbDown) {
                throw new IOException("the quarantine could not be written", dbDown);
            }
        }
    }
}
