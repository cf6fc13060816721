package dev.rootline.search;

import static dev.rootline.search.StoredEvents.event;
import static dev.rootline.search.StoredEvents.query;
import static dev.rootline.search.StoredEvents.unmatched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneLogStoreTest {

    private static final long T0 = 1_757_983_273_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void heldAnswersForEveryMemberOfWhatWasAppendedBeforeAndAfterARestart() throws Exception {
        LogEvent joined = LogEvent.joined(List.of(
                event("j1", T0, "a", Severity.ERROR, "Traceback (most recent call last):"),
                event("j2", T0 + 5, "a", Severity.ERROR, "ValueError: bad")));
        LogEvent later = event("j2", T0 + 5, "a", Severity.ERROR, "ValueError: bad");
        LogEvent unknown = event("j3", T0 + 6, "a", Severity.INFO, "never sent");
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(List.of(joined)), T0);
            assertThat(store.held(List.of(joined, later, unknown), T0))
                    .containsExactlyInAnyOrder(joined.key(), later.key());
            assertThat(store.storedTime(later.key())).hasValue(T0);
        }
        try (LuceneLogStore reopened = new LuceneLogStore(dir)) {
            assertThat(reopened.held(List.of(later, unknown), T0 + 60_000_000_000L))
                    .containsExactly(later.key());
            assertThat(reopened.storedTime(joined.key())).hasValue(T0);
            assertThat(reopened.storedTime(unknown.key())).isEmpty();
        }
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

    @Test
    void pagesThroughEveryHitNewestFirstWithoutGapsOrRepeats() throws Exception {
        Random random = new Random(42);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // many equal timestamps, so the cursor's tie-break on the key is exercised
            events.add(
                    event("p" + i, T0 + random.nextInt(50), "c", Severity.INFO, i % 3 == 0 ? "worker exited" : "ok"));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(events), T0);
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
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(events), T0);
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
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(unmatched(List.of(event("old", T0, "d", Severity.INFO, "old"))), T0);
            store.append(unmatched(List.of(event("new", T0, "d", Severity.INFO, "new"))), T0 + 10);
            assertThat(store.deleteReceivedBefore(T0 + 5)).isEqualTo(1);
            assertThat(store.search(query(null, 10, null)).items())
                    .extracting(StoredEntry::insertId)
                    .containsExactly("new");
        }
    }

    @Test
    void filtersByServiceSeverityAndTime() throws Exception {
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(
                    unmatched(List.of(
                            event("f1", T0, "alpha", Severity.ERROR, "boom"),
                            event("f2", T0 + 5, "alpha", Severity.INFO, "boom"),
                            event("f3", T0 + 9, "beta", Severity.CRITICAL, "boom"))),
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
