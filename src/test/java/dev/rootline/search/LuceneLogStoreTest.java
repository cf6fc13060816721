package dev.rootline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.event.Severity;
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

    private static LogEvent event(String key, long time, String instance, Severity severity, String message) {
        Scope scope = new Scope("cloud_run_revision", "p", "l", "svc-" + instance.charAt(0), "rev-1", instance);
        return new LogEvent(key, List.of(key), key, "projects/p/logs/stderr", time, severity, message, scope,
                java.util.Map.of(), List.of(("{\"insertId\":\"" + key + "\"}").getBytes()));
    }

    private static SearchQuery query(String text, int limit, String cursor) {
        return new SearchQuery(Optional.ofNullable(text), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), limit, Optional.ofNullable(cursor));
    }

    @Test
    void countsEachEntryOnceAcrossBatchesAndRestarts() throws Exception {
        List<LogEvent> batch = List.of(event("k1", T0, "a", Severity.ERROR, "one"), event("k2", T0 + 1, "a", Severity.INFO, "two"));
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            assertThat(store.append(batch, UnaryOperator.identity(), T0)).extracting(LogStore.AppendResult::accepted, LogStore.AppendResult::duplicates)
                    .containsExactly(2, 0);
            assertThat(store.append(List.of(batch.get(0), batch.get(0)), UnaryOperator.identity(), T0).duplicates()).isEqualTo(2);
        }
        try (LuceneLogStore reopened = new LuceneLogStore(dir)) {
            LogStore.AppendResult again = reopened.append(batch, UnaryOperator.identity(), T0);
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(again.stored()).isEmpty();
            assertThat(reopened.search(query(null, 10, null)).total()).isEqualTo(2);
        }
    }

    @Test
    void concurrentAppendsOfOverlappingBatchesStoreEveryEntryOnce() throws Exception {
        List<LogEvent> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(event("c" + i, T0 + i, "b", Severity.INFO, "line " + i));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<LogStore.AppendResult>> results = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int offset = worker * 250;
                results.add(pool.submit(() -> store.append(all.subList(offset, Math.min(2000, offset + 500)), UnaryOperator.identity(), T0)));
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
            events.add(event("p" + i, T0 + random.nextInt(50), "c", Severity.INFO, i % 3 == 0 ? "worker exited" : "ok"));
        }
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(events, UnaryOperator.identity(), T0);
            List<String> expected = events.stream().filter(e -> e.message().contains("exited"))
                    .sorted(Comparator.comparingLong(LogEvent::timeNanos).thenComparing(LogEvent::key).reversed())
                    .map(LogEvent::key).toList();
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                SearchPage page = store.search(query("exited", 17, cursor));
                assertThat(page.total()).isEqualTo(expected.size());
                page.items().forEach(item -> paged.add(item.key()));
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
            store.append(events, UnaryOperator.identity(), T0);
            LogStore.EntryContext context = store.context("x5", 2, 3).orElseThrow();
            assertThat(context.before()).extracting(StoredEntry::key).containsExactly("x3", "x4");
            assertThat(context.entry().key()).isEqualTo("x5");
            assertThat(context.after()).extracting(StoredEntry::key).containsExactly("x6", "x7", "x8");
            assertThat(store.context("nope", 2, 2)).isEmpty();
        }
    }

    @Test
    void retentionDeletesWhatArrivedBeforeTheCutoff() throws Exception {
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(List.of(event("old", T0, "d", Severity.INFO, "old")), UnaryOperator.identity(), T0);
            store.append(List.of(event("new", T0, "d", Severity.INFO, "new")), UnaryOperator.identity(), T0 + 10);
            assertThat(store.deleteReceivedBefore(T0 + 5)).isEqualTo(1);
            assertThat(store.search(query(null, 10, null)).items()).extracting(StoredEntry::key).containsExactly("new");
        }
    }

    @Test
    void filtersByServiceSeverityAndTime() throws Exception {
        try (LuceneLogStore store = new LuceneLogStore(dir)) {
            store.append(List.of(event("f1", T0, "alpha", Severity.ERROR, "boom"),
                    event("f2", T0 + 5, "alpha", Severity.INFO, "boom"),
                    event("f3", T0 + 9, "beta", Severity.CRITICAL, "boom")), UnaryOperator.identity(), T0);
            SearchQuery q = new SearchQuery(Optional.of("boom"), Optional.of("svc-a"), Optional.empty(),
                    Optional.of(Severity.ERROR), Optional.of(T0), Optional.of(T0 + 9), 10, Optional.empty());
            assertThat(store.search(q).items()).extracting(StoredEntry::key).containsExactly("f1");
            assertThat(store.search(query("severity:CRITICAL", 10, null)).items()).extracting(StoredEntry::key)
                    .containsExactly("f3");
        }
    }
}
