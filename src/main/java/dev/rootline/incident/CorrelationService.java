package dev.rootline.incident;

import dev.rootline.app.GroupCommit;
import dev.rootline.engine.signature.MatchedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Correlates ingested events before their request is answered, sharing transactions between concurrent requests
 * through the {@link GroupCommit} the write-ahead log shares fsyncs with: one caller at a time correlates everything
 * pending, while the others wait for it. Per service, correlation is serial anyway (a row lock); grouping saves the lock handoffs and the
 * per-transaction work, which is most of the cost of small batches. A group that fails is correlated again one
 * request at a time, so a batch that cannot be correlated fails alone and the others in its group go through.
 */
@ApplicationScoped
public class CorrelationService {

    private static final Logger LOG = Logger.getLogger(CorrelationService.class);
    /** Two replicas seeing a service's first entries at once: one of them retries. */
    private static final int ATTEMPTS = 3;

    /** The last failure, for the health check: what it was and when. */
    public record Failure(String reason, Instant at) {}

    private final Consumer<List<MatchedEvent>> transaction;
    private final Clock clock;
    private final Counter failures;
    private final GroupCommit groups = new GroupCommit(this::correlatePending);
    private final Object lock = new Object();
    /** Requests added, and those not yet taken into a group. */
    private long added;

    private List<Pending> pending = new ArrayList<>();
    private volatile Failure lastFailure;

    @Inject
    CorrelationService(
            CorrelationTransaction transaction,
            Event<ServicesCorrelated> correlated,
            Clock clock,
            MeterRegistry metrics) {
        this(
                events -> {
                    transaction.correlate(events);
                    correlated.fire(ServicesCorrelated.of(events));
                },
                clock,
                metrics);
    }

    /** @param transaction correlates events in one transaction, all or nothing */
    CorrelationService(Consumer<List<MatchedEvent>> transaction, Clock clock, MeterRegistry metrics) {
        this.transaction = transaction;
        this.clock = clock;
        this.failures = metrics.counter("rootline.correlation.failures");
    }

    /** The last batch that could not be correlated, if any did since start-up. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Requests whose events could not be correlated since start-up. */
    public long failures() {
        return (long) failures.count();
    }

    private static final class Pending {
        final List<MatchedEvent> events;
        CorrelationFailedException failure;

        Pending(List<MatchedEvent> events) {
            this.events = events;
        }
    }

    /**
     * Returns once the events are correlated and committed.
     *
     * @throws CorrelationFailedException when the database refused, after retries; nothing of it was kept
     */
    public void correlate(List<MatchedEvent> events) {
        Pending mine = new Pending(events);
        long sequence;
        synchronized (lock) {
            pending.add(mine);
            sequence = ++added;
        }
        try {
            groups.await(sequence);
        } catch (IOException e) { // interrupted while waiting: its group may still run
            throw new IllegalStateException("waiting for correlation failed: " + e.getMessage(), e);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Takes every request pending into one group and correlates it; returns the last request it covers. */
    private long correlatePending() {
        List<Pending> group;
        long covered;
        synchronized (lock) {
            group = pending;
            pending = new ArrayList<>();
            covered = added;
        }
        try {
            run(group);
        } catch (RuntimeException e) { // each request must learn its outcome, or it would count as correlated
            group.forEach(p -> p.failure = new CorrelationFailedException(e));
        }
        return covered;
    }

    /** Correlates the group in one transaction; if that fails, each request in a transaction of its own. */
    private void run(List<Pending> group) {
        List<MatchedEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.events));
        CorrelationFailedException together = attempt(all);
        for (Pending p : group) {
            p.failure = together == null ? null : group.size() == 1 ? together : attempt(p.events);
            if (p.failure != null) {
                failures.increment();
                lastFailure = new Failure(p.failure.getMessage(), clock.instant());
                LOG.errorf(p.failure, "a batch of %d events could not be correlated; they are stored", p.events.size());
            }
        }
    }

    private CorrelationFailedException attempt(List<MatchedEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.accept(events);
                return null;
            } catch (CorrelationFailedException e) {
                if (attempt == ATTEMPTS) {
                    return e;
                }
            } catch (RuntimeException e) {
                return new CorrelationFailedException(e);
            }
        }
    }
}
