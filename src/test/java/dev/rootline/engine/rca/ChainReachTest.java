package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Correlating a batch from the part of the span its chains reach gives every signal it places the place the whole
 * span gives it, and a crash storm's part stays the size of the batch.
 */
class ChainReachTest {

    private final Correlator correlator = new Correlator(Duration.ofSeconds(120), Duration.ofMillis(100));

    @Test
    void aCrashStormBatchReachesOneImportErrorOfTheThousandsBeforeIt() {
        List<Signal> span = new ArrayList<>();
        for (int second = 0; second < 200; second++) {
            for (int instance = 0; instance < 20; instance++) {
                span.add(at(second, "python.module-not-found", "i" + instance));
                span.add(at(second, "gunicorn.worker-exit", "i" + instance));
            }
        }
        List<Signal> stored = span.subList(0, span.size() - 40);
        List<Signal> batch = span.subList(span.size() - 40, span.size());

        ChainReach reach = new ChainReach(
                FailurePlaces.of(stored),
                batch,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                Duration.ofSeconds(120).toNanos(),
                Duration.ofMillis(100).toNanos());

        assertThat(reach.partFor(batch))
                .as("the batch, and the earliest import error within the window")
                .hasSize(batch.size() + 1)
                .contains(at(79, "python.module-not-found", "i0"));
        assertThat(correlator.inReach(batch, batch, new Bounded(FailurePlaces.of(stored), 0, Long.MAX_VALUE)))
                .isPresent();
    }

    /** An import error, then a worker exit it explains, beside a summary that yields its root, on one instance. */
    private Optional<Map<Signal, Attribution>> exitBesideASummaryOn(String summaryInstance) {
        Signal cause = at(9, "python.module-not-found", "i1");
        Signal summary = at(10, "config.environment-invalid-summary", summaryInstance);
        Signal exit = at(10, "gunicorn.worker-exit", "i1");
        return correlator.inReach(
                List.of(exit),
                List.of(exit),
                new Bounded(FailurePlaces.of(List.of(cause, summary)), 0, Long.MAX_VALUE));
    }

    @Test
    void aBatchBesideASummaryThatYieldsIsLeftToTheWholeSpan() {
        assertThat(exitBesideASummaryOn("i1")).isEmpty();
    }

    @Test
    void aSummaryOnAnotherInstanceLeavesTheBatchToItsReach() {
        assertThat(exitBesideASummaryOn("i2")).isPresent();
    }

    /**
     * Failures filed beyond the span, as a window of recent signals holds them, stay out of its reach; the batch is
     * partly stored and partly new.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everySignalPlacedFromTheReachIsPlacedAsTheWholeSpanPlacesIt(long seed) {
        Random random = new Random(seed);
        int decided = 0;
        for (int trial = 0; trial < 200; trial++) {
            List<Signal> filed = Signals.randomSpan(random, 400, 8);
            // the span: what lies between two of the filed signals
            int first = random.nextInt(filed.size() / 4);
            int last = filed.size() - 1 - random.nextInt(filed.size() / 4);
            List<Signal> span = filed.subList(first, last + 1);
            // a batch as ingest makes one, a few consecutive signals, or a few failures anywhere in the span
            boolean consecutive = random.nextBoolean();
            int at = random.nextInt(span.size() - 4);
            List<Signal> batch = new ArrayList<>();
            for (Signal s : consecutive ? span.subList(at, at + 4) : span) {
                if (s.isFailure() && (consecutive || random.nextInt(60) == 0)) {
                    batch.add(s);
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<Signal> fresh =
                    batch.stream().filter(s -> random.nextBoolean()).toList();
            List<Signal> stored = new ArrayList<>(filed);
            stored.removeAll(fresh);
            StoredSpan bounded = new Bounded(
                    FailurePlaces.of(stored),
                    span.get(0).timeNanos(),
                    span.get(span.size() - 1).timeNanos());
            Optional<Map<Signal, Attribution>> inReach = correlator.inReach(batch, fresh, bounded);
            if (inReach.isEmpty()) {
                continue;
            }
            Map<Signal, Attribution> reached = inReach.get();
            decided++;
            Map<Signal, Attribution> whole = correlator.correlate(span);
            assertThat(reached.keySet()).containsAll(batch);
            reached.forEach((s, place) -> assertThat(place).as("place of %s", s).isEqualTo(whole.get(s)));
        }
        assertThat(decided).as("batches the reach decided").isGreaterThan(20);
    }

    /** A span known only by its failures and bounds: all that {@link Correlator#inReach} reads. */
    private record Bounded(FailurePlaces failures, long firstNanos, long lastNanos) implements StoredSpan {

        @Override
        public List<StoredMatch> recent() {
            throw new UnsupportedOperationException("not read by the reach");
        }

        @Override
        public List<StoredMatch> all() {
            throw new UnsupportedOperationException("not read by the reach");
        }

        @Override
        public StoredMatch rowOf(Signal signal) {
            throw new UnsupportedOperationException("not read by the reach");
        }
    }
}
