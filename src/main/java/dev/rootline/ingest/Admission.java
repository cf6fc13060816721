package dev.rootline.ingest;

import dev.rootline.app.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission by bytes in flight: every request body holds room for its size, counted in kibibytes as it is read,
 * until its request is answered. When there is no room within {@link #WAIT_SECONDS}, the request is refused with
 * 503 and Retry-After before its body is read further, so concurrent large bodies cannot exhaust the heap.
 */
@ApplicationScoped
public class Admission {

    static final int WAIT_SECONDS = 2;
    private static final long KIB = 1024;

    private final Semaphore room;
    private final int budgetKib;

    Admission(IngestConfig config, MeterRegistry metrics) {
        long maxBody = config.maxBodySize().asLongValue();
        long budget = config.maxBytesInFlight()
                .map(m -> m.asLongValue())
                .orElse(Math.max(maxBody, Runtime.getRuntime().maxMemory() / 8));
        this.budgetKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budget / KIB));
        this.room = new Semaphore(budgetKib);
        metrics.gauge("rootline.ingest.bytes.in.flight", room, r -> (double) (budgetKib - r.availablePermits()) * KIB);
    }

    /** Room held for one request's body; closing it gives the room back. */
    public Ticket admit() {
        return new Ticket();
    }

    public final class Ticket implements AutoCloseable {

        private int held;

        private Ticket() {}

        /**
         * Holds room for a body of {@code bytes} in all (what was held before counts); a body larger than the
         * whole budget takes all of it.
         *
         * @throws ProblemException 503 when the room does not come free in time
         */
        public void hold(long bytes) {
            int need = (int) Math.min(budgetKib, (bytes + KIB - 1) / KIB) - held;
            if (need <= 0) {
                return;
            }
            boolean got;
            try {
                got = room.tryAcquire(need, WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw new ProblemException(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "too many request bodies are being ingested at once; retry shortly");
            }
            held += need;
        }

        @Override
        public void close() {
            room.release(held);
            held = 0;
        }
    }
}
