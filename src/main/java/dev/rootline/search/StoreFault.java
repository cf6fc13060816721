package dev.rootline.search;

import dev.rootline.app.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Whether the log store is down and why, and the reopening that follows: tried at once after half a second, then
 * with a wait that doubles up to thirty seconds, until the storage works again.
 */
final class StoreFault {

    private static final Logger LOG = Logger.getLogger(StoreFault.class);
    private static final Backoff REOPEN = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    private final ScheduledExecutorService scheduler;
    private final Runnable reopen;
    private volatile Throwable cause;
    private int attempts;

    /** @param reopen tries to reopen the store, and reports back with {@link #cleared} or {@link #persists} */
    StoreFault(ScheduledExecutorService scheduler, Runnable reopen) {
        this.scheduler = scheduler;
        this.reopen = reopen;
    }

    boolean present() {
        return cause != null;
    }

    Optional<String> reason() {
        Throwable c = cause;
        return c == null ? Optional.empty() : Optional.of(c.getMessage() == null ? c.toString() : c.getMessage());
    }

    /** What a caller answers while the store is down: come back later. */
    StorageUnavailableException unavailable() {
        return new StorageUnavailableException("the log store is unavailable: " + reason().orElse("opening"), cause);
    }

    /** Takes the store down, once, and sets about reopening it. */
    void down(Throwable failure) {
        synchronized (this) {
            if (cause != null) {
                return;
            }
            cause = failure;
        }
        LOG.errorf(
                failure,
                "the log store is down until it can be reopened; the write-ahead log holds every "
                        + "acknowledged entry: %s",
                failure.getMessage());
        schedule();
    }

    synchronized void cleared() {
        cause = null;
        attempts = 0;
        LOG.info("the log store is back: storage works again and the write-ahead log is replayed");
    }

    void persists(Throwable failure) {
        synchronized (this) {
            cause = failure;
        }
        LOG.warnf("reopening the log store failed, trying again: %s", failure.getMessage());
        schedule();
    }

    private synchronized void schedule() {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(reopen, REOPEN.after(++attempts).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
