package dev.rootline.search;

import static dev.rootline.search.StoredEvents.event;
import static dev.rootline.search.StoredEvents.query;
import static dev.rootline.search.StoredEvents.unmatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every log store does, whichever it is: dedup lookups, search, paging, context, filters and retention. Each
 * store's test runs these against a real store of its kind.
 */
abstract class LogStoreContract {

    static final long T0 = 1_757_983_273_000_000_000L;

    /** Opens the test's store; opened again after closing, it is the same store restarted. */
    abstract LogStore open() throws IOException;

    @Test
    void heldAnswersForEveryMemberOfWhatWasAppendedBeforeAndAfterARestart() throws Exception {
        LogEvent joined = LogEvent.joined(List.of(
                event("j1", T0, "a", Severity.ERROR, "Traceback (most recent call last):"),
                event("j2", T0 + 5, "a", Severity.ERROR, "ValueError: bad")));
        LogEvent later = event("j2", T0 + 5, "a", Severity.ERROR, "ValueError: bad");
        LogEvent unknown = event("j3", T0 + 6, "a", Severity.INFO, "never sent");
        try (LogStore store = open()) {
            store.append(unmatched(List.of(joined)), T0);
            assertThat(store.held(List.of(joined, later, unknown), T0))
                    .containsExactlyInAnyOrder(joined.key(), later.key());
            assertThat(store.storedTime(later.key())).hasValue(T0);
        }
        try (LogStore reopened = open()) {
            assertThat(reopened.held(List.of(later, unknown), T0 + 60_000_000_000L))
                    .containsExactly(later.key());
            assertThat(reopened.storedTime(joined.key())).hasValue(T0);
            assertThat(reopened.storedTime(unknown.key())).isEmpty();
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
        try (LogStore store = open()) {
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
        try (LogStore store = open()) {
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
        try (LogStore store = open()) {
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
        try (LogStore store = open()) {
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

    @Test
    void aQueryTheStoreCannotParseIsTheClientsErrorNotTheStores() throws Exception {
        try (LogStore store = open()) {
            store.append(unmatched(List.of(event("q1", T0, "q", Severity.ERROR, "boom"))), T0);
            assertThatThrownBy(() -> store.search(query("message:(unclosed", 10, null)))
                    .isInstanceOf(InvalidQueryException.class);
            assertThat(store.unavailable()).isEmpty();
        }
    }
}
