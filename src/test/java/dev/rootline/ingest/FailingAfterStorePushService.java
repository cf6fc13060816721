package dev.rootline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for {@link PushService}: it stores every delivery through the real one, but the first delivery
 * containing {@code marker} then fails, as if the process died between storing an entry and acknowledging it.
 */
public final class FailingAfterStorePushService extends PushService {

    private final PushService real;
    private final String marker;
    private final AtomicBoolean failed = new AtomicBoolean();

    public FailingAfterStorePushService(PushService real, String marker) {
        super(null, null);
        this.real = real;
        this.marker = marker;
    }

    @Override
    public PushOutcome receive(QuarantineService.Delivery delivery, boolean wrapped) throws IOException {
        PushOutcome outcome = real.receive(delivery, wrapped);
        if (new String(delivery.body(), StandardCharsets.UTF_8).contains(marker) && failed.compareAndSet(false, true)) {
            throw new IOException("simulated: stored, but the reply never went out");
        }
        return outcome;
    }
}
