package dev.rootline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.index.MergeTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store closing on SIGTERM commits what it indexed and stops: it does not wait for the segment merges that a long
 * load leaves running, which took over a minute where Cloud Run kills the process ten seconds after SIGTERM.
 */
class LuceneLogStoreShutdownTest {

    private static final long T0 = 1_757_983_273_000_000_000L;
    /** One segment each: more than a tier holds, so a merge starts. */
    private static final int ENTRIES = LuceneIndex.SEGMENTS_PER_MERGE + 5;

    @TempDir
    Path dir;

    @Test
    void closingCommitsEverythingWithoutWaitingForARunningMerge() throws Exception {
        HeldMerges merges = new HeldMerges();
        LuceneLogStore store = new LuceneLogStore(dir, () -> merges);
        for (int i = 0; i < ENTRIES; i++) {
            store.append(List.of(new LogStore.StoredEvent(event("e" + i, T0 + i), List.of())), T0);
            store.deleteReceivedBefore(0); // deletes nothing, but commits: one segment per entry
        }
        assertThat(merges.started.await(30, TimeUnit.SECONDS))
                .as("the segments made a merge start")
                .isTrue();

        // a hang guard, not a speed test: a close that waits for the held merge never returns
        assertTimeoutPreemptively(Duration.ofSeconds(60), store::close);

        try (LuceneLogStore reopened = new LuceneLogStore(dir)) {
            assertThat(reopened.search(new SearchQuery(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    50,
                                    Optional.empty()))
                            .total())
                    .isEqualTo(ENTRIES);
        }
    }

    private static LogEvent event(String insertId, long time) throws InvalidEntryException {
        String json = """
                {"insertId":"%s","timestamp":"%s","severity":"INFO","textPayload":"started","logName":"projects/p/logs/stdout",
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"svc","revision_name":"rev-1"}}}""".formatted(insertId, java.time.Instant.ofEpochSecond(0, time));
        return Payloads.read(json.getBytes(StandardCharsets.UTF_8), Entries.NOW).get(0);
    }

    /** Holds each merge on a thread of its own until the writer aborts it, as a long merge would still be running. */
    private static final class HeldMerges extends MergeScheduler {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public void merge(MergeSource source, MergeTrigger trigger) {
            for (MergePolicy.OneMerge merge = source.getNextMerge(); merge != null; merge = source.getNextMerge()) {
                MergePolicy.OneMerge held = merge;
                Thread thread = new Thread(() -> {
                    started.countDown();
                    while (!held.isAborted()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                    try {
                        source.merge(held); // aborted: it only finishes
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                thread.setDaemon(true);
                thread.start();
            }
        }

        @Override
        public void close() {}
    }
}
