package dev.rootline.search;

import dev.rootline.engine.event.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Search and context over the log store, and its retention. */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    private final LogStore store;
    private final StoreConfig config;
    private final Clock clock;

    SearchService(LogStore store, StoreConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public SearchPage search(SearchQuery query) throws IOException {
        int limit = Math.max(1, Math.min(query.limit(), config.maxPageSize()));
        return store.search(new SearchQuery(
                query.text(),
                query.service(),
                query.revision(),
                query.minSeverity(),
                query.fromNanos(),
                query.toNanos(),
                limit,
                query.cursor()));
    }

    public Optional<LogStore.EntryContext> context(String key, int before, int after) throws IOException {
        int max = config.maxPageSize();
        return store.context(key, Math.min(before, max), Math.min(after, max));
    }

    /** Deletes entries that arrived longer ago than the retention. */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void enforceRetention() throws IOException {
        Instant cutoff = clock.instant().minus(config.retention());
        long deleted = store.deleteReceivedBefore(Timestamps.nanos(cutoff));
        if (deleted > 0) {
            LOG.infof("retention: deleted %d events received before %s", deleted, cutoff);
        }
    }
}
