package dev.rootline.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Where a replay puts an entry of the write-ahead log that no longer reads, or that Lucene refuses, instead of
 * refusing to start: one file per entry under {@code quarantine/} in the data directory, kept for inspection.
 */
final class ReplayQuarantine {

    private static final Logger LOG = Logger.getLogger(ReplayQuarantine.class);

    private final Path dir;
    private final AtomicLong count = new AtomicLong();

    ReplayQuarantine(Path dir) {
        this.dir = dir;
    }

    /** Keeps the entry durably before the log that holds it can be deleted. */
    void keep(long receivedNanos, byte[] entry, String reason) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("replay-" + receivedNanos + "-" + count.incrementAndGet() + ".json");
        Files.write(file, entry, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        LOG.errorf("a write-ahead-log entry was quarantined in %s: %s", file, reason);
    }

    /** How many entries were quarantined since start-up. */
    long count() {
        return count.get();
    }
}
