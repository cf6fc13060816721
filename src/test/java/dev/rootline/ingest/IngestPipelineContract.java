package dev.rootline.ingest;

import static dev.rootline.search.StoredEvents.event;
import static dev.rootline.search.StoredEvents.query;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.event.TracebackJoiner;
import dev.rootline.search.LogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Dedup, join, match and store, on a real log store of each kind: each entry stored and counted once. Each store's
 * test runs these against a real store of its kind.
 */
abstract class IngestPipelineContract {

    private static final long T0 = 1_757_983_273_000_000_000L;

    /** Opens the test's store; opened again after closing, it is the same store restarted. */
    abstract LogStore open() throws IOException;

    private static IngestPipeline pipeline(LogStore store, UnaryOperator<List<LogEvent>> join) {
        return new IngestPipeline(store, join, e -> List.of());
    }

    @Test
    void countsEachEntryOnceAcrossBatchesAndRestarts() throws Exception {
        List<LogEvent> batch =
                List.of(event("k1", T0, "a", Severity.ERROR, "one"), event("k2", T0 + 1, "a", Severity.INFO, "two"));
        try (LogStore store = open()) {
            IngestPipeline ingest = pipeline(store, UnaryOperator.identity());
            assertThat(ingest.run(batch, T0))
                    .extracting(IngestPipeline.Ingested::accepted, IngestPipeline.Ingested::duplicates)
                    .containsExactly(2, 0);
            assertThat(ingest.run(List.of(batch.get(0), batch.get(0)), T0).duplicates())
                    .isEqualTo(2);
        }
        try (LogStore reopened = open()) {
            IngestPipeline.Ingested again =
                    pipeline(reopened, UnaryOperator.identity()).run(batch, T0);
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
        try (LogStore store = open()) {
            assertThat(pipeline(store, join).run(List.of(head, tail), T0).events())
                    .hasSize(1);
        }
        try (LogStore reopened = open()) {
            assertThat(pipeline(reopened, join)
                            .run(List.of(tail), T0 + 60_000_000_000L)
                            .duplicates())
                    .isEqualTo(1);
        }
    }

    /** Without timestamp or receiveTimestamp an entry takes its arrival time, so a re-sent copy is looked up anywhere. */
    @Test
    void anEntryWithoutTimestampsSentAgainLaterIsADuplicateAtItsStoredTime() throws Exception {
        byte[] json = """
                {"textPayload":"no time","logName":"projects/p/logs/stderr","resource":{"type":"global"}}""".getBytes(UTF_8);
        try (LogStore store = open()) {
            assertThat(pipeline(store, UnaryOperator.identity())
                            .run(Payloads.read(json, T0), T0)
                            .accepted())
                    .isEqualTo(1);
        }
        long later = T0 + 3_600_000_000_000L;
        try (LogStore reopened = open()) {
            IngestPipeline.Ingested again =
                    pipeline(reopened, UnaryOperator.identity()).run(Payloads.read(json, later), later);
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.events().get(0).event().timeNanos())
                    .as("where correlation holds it")
                    .isEqualTo(T0);
        }
    }

    /** A failure between claiming a request's entries and storing them frees them: a retry stores them. */
    @Test
    void aRequestThatFailsBeforeStoringLeavesItsEntriesFreeToBeSentAgain() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        UnaryOperator<List<LogEvent>> join = events -> {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("joining failed");
            }
            return events;
        };
        List<LogEvent> batch =
                List.of(event("r1", T0, "a", Severity.ERROR, "one"), event("r2", T0 + 1, "a", Severity.INFO, "two"));
        try (LogStore store = open()) {
            IngestPipeline ingest = pipeline(store, join);
            assertThatThrownBy(() -> ingest.run(batch, T0)).hasMessage("joining failed");
            assertThat(ingest.run(batch, T0).accepted()).isEqualTo(2);
            assertThat(store.search(query(null, 10, null)).total()).isEqualTo(2);
        }
    }

    /**
     * A request that finds its entries claimed by a concurrent one waits for it: when that one fails, the entries
     * are stored by the request that waited, not acknowledged as duplicates of something never stored.
     */
    @Test
    void entriesAConcurrentRequestFailedToStoreAreStoredByTheRequestThatWaited() throws Exception {
        CountDownLatch firstJoining = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        UnaryOperator<List<LogEvent>> join = events -> {
            if (!events.isEmpty() && first.getAndSet(false)) {
                firstJoining.countDown();
                await(secondWaiting);
                throw new IllegalStateException("the first request fails");
            }
            return events;
        };
        List<LogEvent> batch =
                List.of(event("c1", T0, "a", Severity.ERROR, "one"), event("c2", T0 + 1, "a", Severity.INFO, "two"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LogStore store = open()) {
            IngestPipeline ingest = pipeline(store, join);
            Future<IngestPipeline.Ingested> failing = pool.submit(() -> ingest.run(batch, T0));
            await(firstJoining);
            Future<IngestPipeline.Ingested> waiting = pool.submit(() -> ingest.run(batch, T0));
            Thread.sleep(200); // lets the second request find the entries claimed; either order must hold
            secondWaiting.countDown();
            assertThatThrownBy(failing::get).hasRootCauseMessage("the first request fails");
            assertThat(waiting.get(30, TimeUnit.SECONDS))
                    .extracting(IngestPipeline.Ingested::accepted, IngestPipeline.Ingested::duplicates)
                    .containsExactly(2, 0);
            assertThat(store.search(query(null, 10, null)).total()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentRequestsOfOverlappingBatchesStoreEveryEntryOnce() throws Exception {
        List<LogEvent> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(event("c" + i, T0 + i, "b", Severity.INFO, "line " + i));
        }
        try (LogStore store = open()) {
            IngestPipeline ingest = pipeline(store, UnaryOperator.identity());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<IngestPipeline.Ingested>> results = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int offset = worker * 250;
                results.add(pool.submit(() -> ingest.run(all.subList(offset, Math.min(2000, offset + 500)), T0)));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<IngestPipeline.Ingested> r : results) {
                accepted += r.get().accepted();
                duplicates += r.get().duplicates();
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(2000);
            assertThat(duplicates).isEqualTo(7 * 250);
            assertThat(store.search(query(null, 1, null)).total()).isEqualTo(2000);
        }
    }
}
