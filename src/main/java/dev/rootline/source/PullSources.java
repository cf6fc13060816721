package dev.rootline.source;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.logging.v2.LoggingClient;
import dev.rootline.app.Backoff;
import dev.rootline.app.Daemons;
import dev.rootline.ingest.IngestService;
import dev.rootline.ingest.QuarantineService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs each configured pull source on a thread of its own: poll, wait the poll interval once caught up, and back
 * off exponentially (with jitter) after a failure. UNAVAILABLE, RESOURCE_EXHAUSTED and the like are expected now
 * and then; a refusal such as PERMISSION_DENIED will not cure itself, so it waits the longest.
 */
@ApplicationScoped
class PullSources {

    private static final Logger LOG = Logger.getLogger(PullSources.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final Duration REFUSED_BACKOFF = Duration.ofMinutes(5);
    private static final Set<StatusCode.Code> PASSING = Set.of(
            StatusCode.Code.UNAVAILABLE,
            StatusCode.Code.RESOURCE_EXHAUSTED,
            StatusCode.Code.DEADLINE_EXCEEDED,
            StatusCode.Code.INTERNAL,
            StatusCode.Code.ABORTED,
            StatusCode.Code.UNKNOWN);

    private final SourcesConfig config;
    private final IngestService ingest;
    private final QuarantineService quarantine;
    private final Checkpoints checkpoints;
    private final SourceStates states;
    private final SourceLeases leases;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private final List<LoggingPull> pulls = new ArrayList<>();
    private LoggingClient client;
    private final Object signal = new Object();
    private volatile boolean stopping;

    PullSources(
            SourcesConfig config,
            IngestService ingest,
            QuarantineService quarantine,
            Checkpoints checkpoints,
            SourceStates states,
            SourceLeases leases,
            Clock clock) {
        this.config = config;
        this.ingest = ingest;
        this.quarantine = quarantine;
        this.checkpoints = checkpoints;
        this.states = states;
        this.leases = leases;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) throws IOException {
        Map<String, SourcesConfig.LoggingSource> sources = config.logging();
        if (sources.isEmpty()) {
            return;
        }
        client = LoggingApi.open(config);
        sources.forEach((name, source) -> {
            states.started(name);
            LoggingPull pull = new LoggingPull(name, source, client, ingest, quarantine, checkpoints, clock);
            pulls.add(pull);
            Thread thread = Daemons.thread("rootline-source-" + name, () -> run(name, source, pull));
            threads.add(thread);
            thread.start();
        });
    }

    /** Wakes the sources and waits for them to finish their page: an interrupt could break a database write. */
    void stop(@Observes ShutdownEvent stopped) throws InterruptedException {
        synchronized (signal) {
            stopping = true;
            signal.notifyAll();
        }
        for (Thread t : threads) {
            t.join(70_000);
        }
        pulls.forEach(LoggingPull::close);
        config.logging().keySet().forEach(leases::release);
        if (client != null) {
            client.close();
        }
    }

    /** Polls while this replica holds the source's lease, renewing it as it goes; stands by while another does. */
    private void run(String name, SourcesConfig.LoggingSource source, LoggingPull pull) {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            if (!leases.hold(name, clock.millis())) {
                states.standby(name);
                pause(name, leases.renewEvery(), false);
                continue;
            }
            Duration wait;
            try {
                Renewal lease = new Renewal(name);
                long stored = pull.poll(() -> stopping || !lease.kept());
                states.stored(name, stored);
                wait = source.pollInterval(); // a poll reads until the API has no more pages: caught up
            } catch (RuntimeException | IOException e) {
                String code = e instanceof ApiException api
                        ? api.getStatusCode().getCode().name()
                        : e.getClass().getSimpleName();
                long failures = states.failed(name, code, e.getMessage());
                wait = e instanceof ApiException api
                                && !PASSING.contains(api.getStatusCode().getCode())
                        ? REFUSED_BACKOFF
                        : backoff(failures);
                LOG.warnf("Source %s failed (%s), polling again in %s", name, code, wait);
            }
            pause(name, wait, true);
        }
    }

    /** The lease of a poll in progress, renewed between pages once a renewal is due; false once lost. */
    private final class Renewal {
        private final String source;
        private long renewed = clock.millis();

        Renewal(String source) {
            this.source = source;
        }

        boolean kept() {
            long now = clock.millis();
            if (now - renewed < leases.renewEvery().toMillis()) {
                return true;
            }
            renewed = now;
            return leases.hold(source, now);
        }
    }

    /** Waits, or until stopped; a holder renews its lease meanwhile, so that a long poll interval keeps it. */
    private void pause(String name, Duration wait, boolean holding) {
        long until = clock.millis() + wait.toMillis();
        for (long left = wait.toMillis(); !stopping && left > 0; left = until - clock.millis()) {
            synchronized (signal) {
                try {
                    if (!stopping) {
                        signal.wait(Math.min(left, leases.renewEvery().toMillis()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (holding && !stopping && !leases.hold(name, clock.millis())) {
                return; // taken over: back to standing by
            }
        }
    }

    static Duration backoff(long failures) {
        return BACKOFF.withJitter(failures);
    }
}
