package dev.rootline.incident;

import static dev.rootline.incident.TestSignals.SECOND;
import static dev.rootline.incident.TestSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.Confidence;
import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Reattribution;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.rca.StoredSpan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window reads what {@link MatchRepository#load} would, and takes every change its transaction writes. */
class MatchWindowTest {

    private static final long SKEW = 100_000_000L;
    private static final Set<String> CONTEXT = Set.of("python.module-not-found", Signal.UNKNOWN_ERROR);

    private final Signal cause = signal(10, "python.module-not-found");
    private final Signal exit = signal(11, "gunicorn.worker-exit");
    private final Signal unknown = new Signal(
            "unknown@12",
            "id-12",
            12 * SECOND,
            "shop-00001-abc",
            "i1",
            null,
            Map.of(),
            "Traceback (most recent call last):\nValueError: bad",
            Familiarity.SEEN);
    private final Signal later = signal(100, "gunicorn.worker-exit");

    @Test
    void beforeTheSpanOnlySignalsThatCanExplainAreRead() {
        MatchWindow window = new MatchWindow(null, 0, rows(cause, exit, unknown, later));

        assertThat(ids(window.span(0, 50 * SECOND, 200 * SECOND, CONTEXT).all()))
                .containsExactlyInAnyOrder("gunicorn.worker-exit@100", "python.module-not-found@10", "unknown@12");
        assertThat(ids(window.span(0, 11 * SECOND, 200 * SECOND, CONTEXT).all()))
                .as("from the span on, every signal")
                .contains("gunicorn.worker-exit@11");
    }

    @Test
    void rowsComeInTheOrderCorrelationSortsThemIn() {
        Signal earliest = causeAt(5, "m-entry", "id-9");
        Signal second = causeAt(20, "b-entry", "id-1");
        Signal first = causeAt(20, "z-entry", "id-0");
        MatchWindow window = new MatchWindow(null, 0, rows(second, first, earliest));

        assertThat(window.span(0, 10 * SECOND, 200 * SECOND, CONTEXT).all())
                .as("the context before the span first; at one instant, the insert id decides")
                .extracting(row -> row.signal().entryKey())
                .containsExactly("m-entry", "z-entry", "b-entry");
    }

    @Test
    void newSignalsAreReadBackAsTheDatabaseReturnsThem() {
        MatchWindow window = new MatchWindow(null, 0, List.of());
        String incident = new Attribution(exit, cause, Confidence.HIGH, 1)
                .incident("shop")
                .id();

        window.insert(List.of(new StoredMatch(exit, incident, 1), new StoredMatch(unknown, null, null)));

        List<StoredMatch> rows = window.span(0, 0, 200 * SECOND, CONTEXT).all();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).signal().message())
                .as("a known signal's message is not read back")
                .isEmpty();
        assertThat(rows.get(0).incidentId()).isEqualTo(incident);
        assertThat(rows.get(0).depth()).isEqualTo(1);
        assertThat(rows.get(1).signal().message()).isEqualTo(unknown.evidence());
        assertThat(rows.get(1).incidentId()).isNull();
        assertThat(window.fresh(List.of(exit, later, unknown, later)))
                .as("what it holds is not new; the rest once")
                .containsExactly(later);
    }

    @Test
    void attributionChangesAndDetachmentsAreKept() {
        MatchWindow window = new MatchWindow(null, 0, rows(cause, exit));
        String incident = new Attribution(exit, cause, Confidence.HIGH, 2)
                .incident("shop")
                .id();

        window.attribute(List.of(new StoredMatch(exit, incident, 2)));
        assertThat(window.span(0, 0, 200 * SECOND, CONTEXT).all().get(1).depth())
                .isEqualTo(2);

        window.detach(List.of(exit));
        StoredMatch detached = window.span(0, 0, 200 * SECOND, CONTEXT).all().get(1);
        assertThat(detached.incidentId()).isNull();
        assertThat(detached.depth()).isNull();
    }

    @Test
    void droppingTheOldRowsNarrowsWhatItCovers() {
        MatchWindow window = new MatchWindow(null, 5 * SECOND, rows(cause, exit, later));
        assertThat(window.covers(5 * SECOND)).isTrue();
        assertThat(window.covers(4 * SECOND)).isFalse();

        window.dropBefore(50 * SECOND);

        assertThat(window.covers(20 * SECOND)).isFalse();
        assertThat(window.size()).isEqualTo(1);
        window.insert(List.of(new StoredMatch(signal(20, "python.module-not-found"), null, null)));
        assertThat(window.size())
                .as("a row before the window is the database's only")
                .isEqualTo(1);
    }

    @Test
    void itIsCurrentOnlyAtTheVersionItsCommitWrote() {
        MatchWindow window = new MatchWindow(null, 0, List.of());
        window.committedAs(42);

        assertThat(window.currentAt(42, null)).isTrue();
        assertThat(window.currentAt(43, null)).isFalse();
    }

    @Test
    void everyRowOfARevisionAndInstanceNamesThemWithOneString() {
        Signal one = causeAt(1, "a-entry", "id-1");
        Signal other = new Signal(
                "b-entry",
                "id-2",
                2 * SECOND,
                new String(one.revision()),
                new String(one.instance()),
                one.signature(),
                Map.of(),
                "",
                Familiarity.SEEN);

        List<StoredMatch> rows = rows(one, other);

        assertThat(rows.get(1).signal().revision())
                .isSameAs(rows.get(0).signal().revision());
        assertThat(rows.get(1).signal().instance())
                .isSameAs(rows.get(0).signal().instance());
    }

    @Test
    void rowsNamingTheSameFieldsShareOneMapInTheOrderTheyWereWritten() {
        Signal one = signal(11, "gunicorn.worker-exit", fields("pid", "7", "code", "3"));
        Signal other = signal(100, "gunicorn.worker-exit", fields("pid", "7", "code", "3"));

        List<StoredMatch> rows = rows(one, other);

        assertThat(rows.get(1).signal().fields()).isSameAs(rows.get(0).signal().fields());
        assertThat(rows.get(0).signal().fields()).containsExactly(Map.entry("pid", "7"), Map.entry("code", "3"));
    }

    @Test
    void aBatchIsPlacedFromTheWindowAsFromTheRowsItReads() {
        MatchWindow window = new MatchWindow(null, 0, rows(cause, exit, unknown, later));
        window.insert(List.of(new StoredMatch(signal(120, "python.module-not-found"), null, null)));
        Signal batch = signal(125, "gunicorn.worker-exit");
        long from = batch.timeNanos() - SKEW;
        // the span starts after the import error at 10 s, which the window still holds
        StoredSpan span = window.span(50 * SECOND, from, 400 * SECOND, CONTEXT);

        Reattribution fromWindow = derive(batch, span, from);
        Reattribution fromRows = derive(batch, StoredSpan.of(span.all(), from), from);

        assertThat(fromWindow.inserted()).isEqualTo(fromRows.inserted());
        assertThat(fromWindow.changes()).isEqualTo(fromRows.changes());
        assertThat(fromWindow.inserted().get(0).incidentId())
                .as("placed under the import error in the span, not the earlier one before it")
                .isEqualTo(new Attribution(batch, signal(120, "python.module-not-found"), Confidence.HIGH, 1)
                        .incident("shop")
                        .id());
        assertThat(span.recent()).as("nothing stored from the batch's start on").isEmpty();
        span.all().forEach(row -> assertThat(span.rowOf(row.signal())).isSameAs(row));
    }

    @Test
    void droppedRowsAreNoLongerFiledForAReach() {
        MatchWindow window = new MatchWindow(null, 0, rows(cause, exit));
        Signal batch = signal(100, "gunicorn.worker-exit");
        long from = batch.timeNanos() - SKEW;

        window.dropBefore(11 * SECOND);

        Reattribution r = derive(batch, window.span(Long.MIN_VALUE, from, 400 * SECOND, CONTEXT), from);
        assertThat(r.inserted().get(0).incidentId())
                .as("the import error at 10 s was dropped: the exit is an incident of its own")
                .isNotEqualTo(new Attribution(batch, cause, Confidence.HIGH, 1)
                        .incident("shop")
                        .id());
    }

    private Signal causeAt(long seconds, String entryKey, String insertId) {
        return new Signal(
                entryKey,
                insertId,
                seconds * SECOND,
                "shop-00001-abc",
                "i1",
                cause.signature(),
                Map.of(),
                "",
                Familiarity.SEEN);
    }

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>(); // a fresh map, as each match and each row read makes
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], new String(keysAndValues[i + 1]));
        }
        return fields;
    }

    private static List<StoredMatch> rows(Signal... signals) {
        return java.util.Arrays.stream(signals)
                .map(s -> new StoredMatch(MatchColumns.asLoaded(s), null, null))
                .toList();
    }

    private static Reattribution derive(Signal batch, StoredSpan span, long from) {
        return Reattribution.derive(
                "shop",
                new Correlator(Duration.ofSeconds(120), Duration.ofNanos(SKEW)),
                List.of(batch),
                span,
                from,
                id -> 1,
                ids -> List.of());
    }

    private static List<String> ids(List<StoredMatch> rows) {
        return rows.stream().map(r -> r.signal().entryKey()).toList();
    }
}
