package dev.rootline.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.event.TracebackJoiner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneLogStoreTest {

    private static final long T0 = 1_757_983_273_000_000_000L;

    @TempDir
    Path dir;

    /** A real LogEntry through the real parser, so that replaying its original JSON gives the same event. */
    private static LogEvent event(String insertId, long time, String instance, Severity severity, String message) {
        String json = """
                {"insertId":"%s","timestamp":"%s","severity":"%s","textPayload":"%s","logName":"projects/p/logs/stderr",
                 "labels":{"instanceId":"%s"},"resource":{"type":"cloud_run_revision",
                 "labels":{"service_name":"svc-%s","revision_name":"rev-1"}}}""".formatted(
                insertId, java.time.Instant.ofEpochSecond(0, time), severity, message, instance, instance.charAt(0));
        try {
            return Payloads.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Entries.NOW)
                    .get(0);
        } catch (InvalidEntryException e) {
            throw new AssertionError(e);
        }
    }

    private static SearchQuery query(String text, int limit, String cursor) {
        return new SearchQuery(
                Optional.ofNullable(text),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                limit,
                Optional.ofNullable(cursor));
    }

    @Test
    void countsEachEntryOnceAcrossBatchesAndRestarts() throws Exception {
        List<LogEvent> batch =
                List.of(event("k1", T0, "a", Severity.ERROR, "one"), event("k2", T0 + 1, "a", Severity.INFO, "two"));
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            assertThat(store.append(batch, T0))
                    .extracting(LogStore.AppendResult::accepted, LogStore.AppendResult::duplicates)
                    .containsExactly(2, 0);
            assertThat(store.append(List.of(batch.get(0), batch.get(0)), T0).duplicates())
                    .isEqualTo(2);
        }
        try (LuceneLogStore reopened = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            LogStore.AppendResult again = reopened.append(batch, T0);
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(again.events()).as("duplicates still reach correlation").hasSize(2);
            assertThat(reopened.search(query(null, 10, null)).total()).isEqualTo(2);
        }
    }

    /**
     * A joined event is indexed at its first piece's time, so a later piece sent again alone is later than every
     * time its segment holds: the lookup must still reach that segment.
     */
    @Test
    void aLaterPieceOfAJoinedTracebackSentAgainAloneIsADuplicate() throws Exception {
        UnaryOperator<List<LogEvent>> join = new TracebackJoiner(10_000_000L)::join;
        LogEvent head = event("t1", T0, "a", Severity.ERROR, "Traceback (most recent call last):");
        LogEvent tail = event("t2", T0 + 5_000_000, "a", Severity.ERROR, "ValueError: bad");
        try (LuceneLogStore store = new LuceneLogStore(dir, join, e -> List.of())) {
            assertThat(store.append(List.of(head, tail), T0).events()).hasSize(1);
        }
        try (LuceneLogStore reopened = new LuceneLogStore(dir, join, e -> List.of())) {
            assertThat(reopened.append(List.of(tail), T0 + 60_000_000_000L).duplicates())
                    .isEqualTo(1);
        }
    }

    /** Without timestamp or receiveTimestamp an entry takes its arrival time, so a re-sent copy is looked up anywhere. */
    @Test
    void anEntryWithoutTimestampsSentAgainLaterIsADuplicate() throws Exception {
        String json = """
                {"textPayload":"no time","logName":"projects/p/logs/stderr","resource":{"type":"global"}}""";
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            assertThat(store.append(Payloads.read(json.getBytes(UTF_8), T0), T0).accepted())
                    .isEqualTo(1);
        }
        long later = T0 + 3_600_000_000_000L;
        try (LuceneLogStore reopened = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            assertThat(reopened.append(Payloads.read(json.getBytes(UTF_8), later), later)
                            .duplicates())
                    .isEqualTo(1);
        }
    }

    /** A failure between reserving an append's keys and logging it frees them: a retry is stored, not a duplicate. */
    @Test
    void anAppendThatFailsBeforeItIsLoggedLeavesItsEntriesFreeToBeSentAgain() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
        UnaryOperator<List<LogEvent>> join = events -> {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("joining failed");
            }
            return events;
        };
        List<LogEvent> batch =
                List.of(event("r1", T0, "a", Severity.ERROR, "one"), event("r2", T0 + 1, "a", Severity.INFO, "two"));
        try (LuceneLogStore store = new LuceneLogStore(dir, join, e -> List.of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(batch, T0))
                    .hasMessage("joining failed");
            assertThat(store.append(batch, T0).accepted()).isEqualTo(2);
            assertThat(store.search(query(null, 10, null)).total()).isEqualTo(2);
        }
    }

    /** A copy of the data directory taken while the store runs is what a crash leaves behind. */
    @Test
    void acknowledgedEntriesNotYetCommittedAreReplayedFromTheLog(@TempDir Path crashed) throws Exception {
        List<LogEvent> batch =
                List.of(event("w1", T0, "a", Severity.ERROR, "one"), event("w2", T0 + 1, "a", Severity.INFO, "two"));
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            store.append(batch, T0);
            copyTree(dir, crashed);
        }
        try (LuceneLogStore recovered = new LuceneLogStore(crashed, UnaryOperator.identity(), e -> List.of())) {
            assertThat(recovered.search(query(null, 10, null)).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactlyInAnyOrder("w1", "w2");
            assertThat(recovered.append(batch, T0).duplicates()).isEqualTo(2);
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

    @Test
    void concurrentAppendsOfOverlappingBatchesStoreEveryEntryOnce() throws Exception {
        List<LogEvent> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(event("c" + i, T0 + i, "b", Severity.INFO, "line " + i));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<LogStore.AppendResult>> results = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int offset = worker * 250;
                results.add(pool.submit(() -> store.append(all.subList(offset, Math.min(2000, offset + 500)), T0)));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<LogStore.AppendResult> r : results) {
                accepted += r.get().accepted();
                duplicates += r.get().duplicates();
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(2000);
            assertThat(duplicates).isEqualTo(7 * 250);
            assertThat(store.search(query(null, 1, null)).total()).isEqualTo(2000);
        }
    }

    @Test
    void pagesThroughEveryHitNewestFirstWithoutGapsOrRepeats() throws Exception {
        Random random = new Random(42);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // many equal timestamps, so the cursor's tie-break on the key is exercised
            events.add(
                    event("p" + i, T0 + random.nextInt(50), "c", Severity.INFO, i % 3 == 0 ? "worker exited" : "ok"));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            store.append(events, T0);
            List<String> expected = events.stream()
                    .filter(e -> e.message().contains("exited"))
                    .sorted(Comparator.comparingLong(LogEvent::timeNanos)
                            .thenComparingLong((LogEvent e) -> LuceneFields.tiebreak(e.key()))
                            .reversed())
                    .map(LogEvent::insertId)
                    .toList();
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                SearchPage page = store.search(query("exited", 17, cursor));
                assertThat(page.total()).isEqualTo(expected.size());
                page.items().forEach(item -> paged.add(item.insertId()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(paged).isEqualTo(expected);
        }
    }

    @Test
    void contextIsTheSameInstanceAroundTheEntryInTimeOrder() throws Exception {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event("x" + i, T0 + i * 1000, "inst-x", Severity.INFO, "x line " + i));
            events.add(event("y" + i, T0 + i * 1000 + 1, "inst-y", Severity.INFO, "y line " + i));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            store.append(events, T0);
            LogStore.EntryContext context =
                    store.context(events.get(10).key(), 2, 3).orElseThrow();
            assertThat(context.before()).extracting(StoredEntry::insertId).containsExactly("x3", "x4");
            assertThat(context.entry().insertId()).isEqualTo("x5");
            assertThat(context.after()).extracting(StoredEntry::insertId).containsExactly("x6", "x7", "x8");
            assertThat(store.context("nope", 2, 2)).isEmpty();
        }
    }

    @Test
    void retentionDeletesWhatArrivedBeforeTheCutoff() throws Exception {
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            store.append(List.of(event("old", T0, "d", Severity.INFO, "old")), T0);
            store.append(List.of(event("new", T0, "d", Severity.INFO, "new")), T0 + 10);
            assertThat(store.deleteReceivedBefore(T0 + 5)).isEqualTo(1);
            assertThat(store.search(query(null, 10, null)).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactly("new");
        }
    }

    @Test
    void filtersByServiceSeverityAndTime() throws Exception {
        try (LuceneLogStore store = new LuceneLogStore(dir, UnaryOperator.identity(), e -> List.of())) {
            store.append(
                    List.of(
                            event("f1", T0, "alpha", Severity.ERROR, "boom"),
                            event("f2", T0 + 5, "alpha", Severity.INFO, "boom"),
                            event("f3", T0 + 9, "beta", Severity.CRITICAL, "boom")),
                    T0);
            SearchQuery q = new SearchQuery(
                    Optional.of("boom"),
                    Optional.of("svc-a"),
                    Optional.empty(),
                    Optional.of(Severity.ERROR),
                    Optional.of(T0),
                    Optional.of(T0 + 9),
                    10,
                    Optional.empty());
            assertThat(store.search(q).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactly("f1");
            assertThat(store.search(query("severity:CRITICAL", 10, null)).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactly("f3");
        }
    }
}
