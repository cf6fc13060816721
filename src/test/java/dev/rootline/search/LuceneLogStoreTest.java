package dev.rootline.search;

import static dev.rootline.search.StoredEvents.event;
import static dev.rootline.search.StoredEvents.query;
import static dev.rootline.search.StoredEvents.unmatched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded Lucene store, and its write-ahead log's replay after a crash. */
class LuceneLogStoreTest extends LogStoreContract {

    @TempDir
    Path dir;

    @Override
    LogStore open() throws IOException {
        return new LuceneLogStore(dir);
    }

    /** The log keeps each event as joined and matched, so a replay restores both without joining or matching. */
    @Test
    void aReplayRestoresJoinedEventsWithTheirSignatures(@TempDir Path crashed) throws Exception {
        LogEvent joined = LogEvent.joined(List.of(
                event("r1", T0, "a", Severity.ERROR, "Traceback (most recent call last):"),
                event("r2", T0 + 5, "a", Severity.ERROR, "ValueError: bad")));
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(List.of(new LogStore.StoredEvent(joined, List.of("python-traceback"))), T0);
            copyTree(dir, crashed);
        }
        try (LuceneLogStore recovered = new LuceneLogStore(crashed)) {
            assertThat(recovered
                            .search(query("signature:python-traceback", 10, null))
                            .items())
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.message()).contains("ValueError: bad"));
        }
    }

    /** A copy of the data directory taken while the store runs is what a crash leaves behind. */
    @Test
    void acknowledgedEntriesNotYetCommittedAreReplayedFromTheLog(@TempDir Path crashed) throws Exception {
        List<LogEvent> batch =
                List.of(event("w1", T0, "a", Severity.ERROR, "one"), event("w2", T0 + 1, "a", Severity.INFO, "two"));
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(batch), T0);
            copyTree(dir, crashed);
        }
        try (LuceneLogStore recovered = new LuceneLogStore(crashed)) {
            assertThat(recovered.search(query(null, 10, null)).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactlyInAnyOrder("w1", "w2");
            assertThat(recovered.held(batch, T0)).hasSize(2);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("write.lock")) {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
