package dev.rootline.search;

import static dev.rootline.search.StoredEvents.unmatched;
import static java.nio.charset.StandardCharsets.UTF_16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.ingest.IngestPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage that fails and comes back under a running store: it refuses without acknowledging, never hangs, says
 * why, reopens itself once the storage works, and ends with every acknowledged entry stored exactly once.
 */
class StorageFaultsTest {

    private static final long T0 = 1_757_983_273_000_000_000L;
    private static final Duration RECOVERY = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private static List<LogEvent> batch(String prefix, int size) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String json = "["
                    + Entries.stderr(
                            prefix + "-" + i, "2025-09-16T00:41:%02dZ".formatted(i % 60), "i-1", prefix + " line " + i)
                    + "]";
            try {
                events.add(
                        Payloads.read(json.getBytes(StandardCharsets.UTF_8), T0).get(0));
            } catch (InvalidEntryException e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }

    /** How often each insertId is stored: every acknowledged one must be there exactly once. */
    private static Map<String, Integer> stored(LuceneLogStore store) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            SearchPage page = store.search(new SearchQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    1000,
                    Optional.ofNullable(cursor)));
            page.items().forEach(item -> counts.merge(item.insertId(), 1, Integer::sum));
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

    private static void awaitRecovery(LuceneLogStore store) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (store.unavailable().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.unavailable())
                .as("the store reopens itself once storage works")
                .isEmpty();
    }

    private void survivesAndComesBack(FaultyDisk.Fault fault) throws Exception {
        FaultyDisk disk = new FaultyDisk();
        Path root = disk.on(dir);
        List<String> acknowledged = new ArrayList<>();
        try (LuceneLogStore store = new LuceneLogStore(root)) {
            IngestPipeline ingest = new IngestPipeline(store, UnaryOperator.identity(), e -> List.of());
            ingest.run(batch("before", 50), T0);
            batch("before", 50).forEach(e -> acknowledged.add(e.insertId()));

            disk.set(fault);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThatThrownBy(() -> ingest.run(batch("during", 20), T0))
                        .isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> ingest.run(batch("during", 20), T0))
                        .as("while it is down, at once")
                        .isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> stored(store)).isInstanceOf(StorageUnavailableException.class);
            });
            assertThat(store.unavailable())
                    .hasValueSatisfying(reason ->
                            assertThat(reason).containsAnyOf("No space left on device", "Read-only file system"));

            disk.set(FaultyDisk.Fault.NONE);
            awaitRecovery(store);
            IngestPipeline.Ingested retried = ingest.run(batch("during", 20), T0);
            assertThat(retried.accepted() + retried.duplicates()).isEqualTo(20);
            batch("during", 20).forEach(e -> acknowledged.add(e.insertId()));
            ingest.run(batch("after", 30), T0);
            batch("after", 30).forEach(e -> acknowledged.add(e.insertId()));

            Map<String, Integer> counts = stored(store);
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(counts.values()).allMatch(n -> n == 1);
        }
        try (LuceneLogStore reopened = new LuceneLogStore(root)) {
            Map<String, Integer> counts = stored(reopened);
            assertThat(counts.keySet()).as("after a restart too").containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(counts.values()).allMatch(n -> n == 1);
        }
    }

    @Test
    void aFullDiskRefusesWithoutAcknowledgingAndIngestResumesByItselfOnceThereIsSpace() throws Exception {
        survivesAndComesBack(FaultyDisk.Fault.FULL);
    }

    @Test
    void aReadOnlyDiskRefusesWithoutAcknowledgingAndIngestResumesOnceItIsWritable() throws Exception {
        survivesAndComesBack(FaultyDisk.Fault.READ_ONLY);
    }

    /** A signature list that runs the indexer (and only it) out of memory once, the way a huge batch did. */
    private static final class ExhaustingOnce extends AbstractList<String> {
        private final AtomicBoolean armed = new AtomicBoolean(true);

        @Override
        public String get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            if (Thread.currentThread().getName().startsWith("rootline-indexer") && armed.getAndSet(false)) {
                throw new OutOfMemoryError("Java heap space (injected)");
            }
            return 0;
        }
    }

    @Test
    void anIndexerThatRunsOutOfMemoryIsReplacedAndNothingHangs() throws Exception {
        List<LogEvent> heavy = batch("heavy", 10);
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(batch("light", 10)), T0);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    // acknowledged once in the log, whatever the indexer does
                    store.append(
                            heavy.stream()
                                    .map(e -> new LogStore.StoredEvent(e, new ExhaustingOnce()))
                                    .toList(),
                            T0);
                } catch (StorageUnavailableException refused) {
                    // or refused, if the indexer had already died
                }
                try {
                    stored(store);
                } catch (StorageUnavailableException down) {
                    assertThat(down).hasMessageContaining("heap");
                }
            });
            awaitRecovery(store);
            Set<String> held = store.held(heavy, T0);
            store.append(
                    unmatched(
                            heavy.stream().filter(e -> !held.contains(e.key())).toList()),
                    T0);
            Map<String, Integer> counts = stored(store);
            assertThat(counts).hasSize(20);
            assertThat(counts.values()).allMatch(n -> n == 1);
        }
    }

    @Test
    void aLogRecordThatNoLongerReadsIsQuarantinedAndTheStoreStarts() throws Exception {
        try (WriteAheadLog wal = new WriteAheadLog(dir.resolve("wal"))) {
            String good = Entries.stderr("kept", "2025-09-16T00:41:13Z", "i-1", "a good line");
            String bad = Entries.stderr("utf16", "2025-09-16T00:41:14Z", "i-1", "stored as UTF-16 by an old version");
            wal.awaitDurable(wal.append(new WriteAheadLog.Record(
                    T0,
                    List.of(
                            new WriteAheadLog.Event(List.of(good.getBytes(StandardCharsets.UTF_8)), List.of()),
                            new WriteAheadLog.Event(List.of(bad.getBytes(UTF_16)), List.of())))));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            assertThat(store.unavailable()).isEmpty();
            assertThat(store.healthData()).containsEntry("quarantinedOnReplay", 1L);
            assertThat(stored(store)).containsOnlyKeys("kept");
            try (var files = Files.list(dir.resolve("quarantine"))) {
                assertThat(files.toList())
                        .singleElement()
                        .satisfies(file -> assertThat(Files.readAllBytes(file))
                                .isEqualTo(Entries.stderr(
                                                "utf16",
                                                "2025-09-16T00:41:14Z",
                                                "i-1",
                                                "stored as UTF-16 by an old version")
                                        .getBytes(UTF_16)));
            }
        }
    }
}
