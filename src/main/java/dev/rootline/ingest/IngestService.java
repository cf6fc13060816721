package dev.rootline.ingest;

import dev.rootline.engine.event.ChunkedBytes;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.event.TracebackJoiner;
import dev.rootline.incident.CorrelationConfig;
import dev.rootline.incident.CorrelationService;
import dev.rootline.search.LogStore;
import dev.rootline.signature.SignatureCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Ingest as stages: parse (in the engine), then {@link IngestPipeline} (dedup, join, match, store), then
 * correlate. The reply waits for correlation, so an acknowledged entry is in its incident; an entry re-sent after
 * a failure is a duplicate to the store but still reaches correlation, which ignores what it already holds.
 */
@ApplicationScoped
public class IngestService {

    private final IngestPipeline pipeline;
    private final CorrelationService correlation;
    private final boolean correlating;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    IngestService(
            LogStore store,
            SignatureCatalog signatures,
            IngestConfig config,
            CorrelationService correlation,
            CorrelationConfig correlationConfig,
            Clock clock,
            MeterRegistry metrics) {
        TracebackJoiner joiner =
                new TracebackJoiner(config.tracebackJoinWindow().toNanos());
        this.pipeline = new IngestPipeline(store, joiner::join, signatures::match);
        this.correlation = correlation;
        this.correlating = correlationConfig.enabled();
        this.clock = clock;
        this.accepted = metrics.counter("rootline.entries.accepted");
        this.duplicates = metrics.counter("rootline.entries.duplicate");
        this.rejected = metrics.counter("rootline.entries.rejected");
    }

    /** Any input shape (README, API). A bad entry rejects the whole payload and nothing is stored. */
    public IngestResult ingest(ChunkedBytes body) throws InvalidEntryException, IOException {
        long now = Timestamps.nanos(clock.instant());
        try {
            return store(Payloads.read(body, now), now);
        } catch (InvalidEntryException e) {
            rejected.increment();
            throw e;
        }
    }

    /** Entries the caller has already read with {@link Payloads}, as a pull source does off its storing thread. */
    public IngestResult ingest(List<LogEvent> events) throws IOException {
        return store(events, Timestamps.nanos(clock.instant()));
    }

    /** A Pub/Sub push delivery; a permanently bad one is the caller's to quarantine. */
    public IngestResult ingestPush(byte[] body, boolean wrapped) throws InvalidEntryException, IOException {
        long now = Timestamps.nanos(clock.instant());
        return store(Payloads.readPush(body, wrapped, now), now);
    }

    private IngestResult store(List<LogEvent> events, long now) throws IOException {
        IngestPipeline.Ingested result = pipeline.run(events, now);
        if (correlating) {
            correlation.correlate(result.events());
        }
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        return new IngestResult(result.accepted(), result.duplicates(), 0);
    }
}
