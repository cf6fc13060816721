package dev.rootline.search;

import dev.rootline.app.Daemons;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.event.Timestamps;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The log store on a local Lucene index. An append is acknowledged once its write-ahead-log record is fsynced
 * (concurrent appends share fsyncs); a background indexer adds it to the index, which commits every few seconds
 * and replays the log on start-up. Search waits until everything acknowledged is indexed, so a client reads its
 * own writes. {@link #held} looks keys up in the current reader plus the keys not yet visible to it, so ingest's
 * dedup holds across restarts without a separate key table.
 *
 * <p>A storage failure (a full or read-only disk, an index writer or indexer that died) takes the store down:
 * appends and searches answer {@link StorageUnavailableException} without acknowledging anything, and the store
 * reopens itself, with backoff, until the storage works again; the reopening replays the log, so nothing
 * acknowledged is lost. See {@code docs/design-notes.md}, "Storage that fails".
 */
public final class LuceneLogStore implements LogStore {

    /**
     * Two 1000-entry batches. Entries waiting longer than a young collection or two are copied into the old
     * generation and die there; at 20,000 the queue filled the old generation so fast that G1 ran a concurrent
     * marking cycle every quarter of a second (CPU a 1000-entry batch: 38 → 32 ms when it went).
     */
    private static final int MAX_PENDING = 2_000;

    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Directory directory;
    private final WriteAheadLog wal;
    private final ReplayQuarantine quarantine;
    private final Supplier<MergeScheduler> merges;
    private final PendingKeys pending = new PendingKeys();
    /** Appends and reads share it; reopening the index takes it alone. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Log records and indexer batches must be in the same order. */
    private final Object appendOrder = new Object();

    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("rootline-log-store"));
    private final StoreFault fault = new StoreFault(maintenance, this::reopen);
    private volatile LuceneIndex index;

    public LuceneLogStore(Path dir) throws IOException {
        this(dir, ConcurrentMergeScheduler::new);
    }

    /** @param merges makes the scheduler of the index's segment merges (Lucene's default: a thread for each) */
    LuceneLogStore(Path dir, Supplier<MergeScheduler> merges) throws IOException {
        this.merges = merges;
        // Reading segments looks codecs up by name. Lucene's lookup only sees the class loaders it was first
        // initialised with, which in a JVM that runs several Quarkus applications (the tests) may not be ours.
        Codec.reloadCodecs(RootlineCodec.class.getClassLoader());
        PostingsFormat.reloadPostingsFormats(RootlineCodec.class.getClassLoader());
        Path indexDir = dir.resolve("index");
        // a file system of its own (a test's, injecting faults) cannot be memory-mapped
        directory = dir.getFileSystem() == FileSystems.getDefault()
                ? FSDirectory.open(indexDir)
                : new NIOFSDirectory(indexDir);
        wal = new WriteAheadLog(dir.resolve("wal"));
        quarantine = new ReplayQuarantine(dir.resolve("quarantine"));
        try {
            index = openIndex();
        } catch (IOException | RuntimeException e) {
            fault.down(e); // start anyway, not ready, and keep trying: the disk may come back
        }
        maintenance.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
        // often, so that each commit fsyncs little: a commit of ten seconds of segments held up the write-ahead
        // log's fsyncs, and with them every request, for a quarter of a second
        maintenance.scheduleWithFixedDelay(this::commitQuietly, 2, 2, TimeUnit.SECONDS);
    }

    /** Why the store is down, or empty while it works. */
    @Override
    public Optional<String> unavailable() {
        return fault.reason();
    }

    /** Entries of the log that a replay could not index, kept in {@code quarantine/}, since start-up. */
    @Override
    public Map<String, Object> healthData() {
        return Map.of("quarantinedOnReplay", quarantine.count());
    }

    @Override
    public Set<String> append(List<StoredEvent> events, long receivedNanos) throws IOException {
        if (events.isEmpty()) {
            return Set.of();
        }
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            LuceneIndex current = working();
            long sequence;
            try {
                synchronized (appendOrder) {
                    sequence = wal.append(new WriteAheadLog.Record(receivedNanos, logged(events)));
                    current.indexer().enqueue(events, receivedNanos, sequence);
                }
                wal.awaitDurable(sequence);
            } catch (Throwable e) {
                throw failure(e); // the reopening decides from the disk what is stored
            }
            pending.add(events, sequence);
            return Set.of(); // this process is the index's only writer, and dedup has checked
        } finally {
            shared.unlock();
        }
    }

    /** Looks in the keys not yet visible before the reader: one dropped meanwhile is visible to a newer reader. */
    @Override
    public Set<String> held(List<LogEvent> entries, long receivedNanos) throws IOException {
        Set<String> held = new HashSet<>();
        List<LogEvent> unknown = new ArrayList<>(entries.size());
        for (LogEvent entry : entries) {
            if (pending.contains(entry.key())) {
                held.add(entry.key());
            } else {
                unknown.add(entry);
            }
        }
        if (unknown.isEmpty()) {
            return held;
        }
        return read(false, current -> {
            boolean[] stored = current.holds(unknown, receivedNanos);
            for (int i = 0; i < stored.length; i++) {
                if (stored[i]) {
                    held.add(unknown.get(i).key());
                }
            }
            return held;
        });
    }

    @Override
    public OptionalLong storedTime(String key) throws IOException {
        Long pendingTime = pending.storedTime(key);
        if (pendingTime != null) {
            return OptionalLong.of(pendingTime);
        }
        Optional<EntryContext> stored = read(false, current -> current.search.context(key, 1, 1));
        return stored.map(c -> OptionalLong.of(Timestamps.nanos(c.entry().timestamp())))
                .orElse(OptionalLong.empty());
    }

    /** The index while the store works; else what the caller tells its client: come back later. */
    private LuceneIndex working() throws StorageUnavailableException {
        LuceneIndex current = index;
        if (fault.present() || current == null) {
            throw fault.unavailable();
        }
        return current;
    }

    /**
     * An append that failed: a storage failure takes the store down; anything else (a bug) is the caller's.
     * Either way the caller learns of it as an exception to answer, never as an acknowledgement.
     */
    private IOException failure(Throwable e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new InterruptedIOException("interrupted while appending");
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        fault.down(e);
        return new StorageUnavailableException("storing failed: " + e.getMessage(), e);
    }

    private static List<WriteAheadLog.Event> logged(List<StoredEvent> events) {
        List<WriteAheadLog.Event> logged = new ArrayList<>(events.size());
        for (StoredEvent stored : events) {
            logged.add(new WriteAheadLog.Event(stored.event().entries(), stored.signatures()));
        }
        return logged;
    }

    @Override
    public SearchPage search(SearchQuery query) throws IOException {
        return read(true, current -> current.search.search(query));
    }

    @Override
    public Optional<EntryContext> context(String key, int before, int after) throws IOException {
        return read(true, current -> current.search.context(key, before, after));
    }

    private interface Read<T> {
        T from(LuceneIndex index) throws IOException;
    }

    /** A read of the index as it is, or once it has caught up with everything acknowledged so far. */
    private <T> T read(boolean caughtUp, Read<T> read) throws IOException {
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            LuceneIndex current = working();
            if (caughtUp) {
                refresh(current, current.indexer().awaitIndexed(wal.lastSequence()));
            }
            return read.from(current);
        } finally {
            shared.unlock();
        }
    }

    @Override
    public long deleteReceivedBefore(long cutoffNanos) throws IOException {
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            LuceneIndex current = working();
            current.indexer().awaitIndexed(wal.lastSequence());
            long before = current.writer.getDocStats().numDocs;
            // hourly, so a doc-values scan is cheap enough and spares every append a points field
            current.writer.deleteDocuments(
                    NumericDocValuesField.newSlowRangeQuery(LuceneFields.RECEIVED, Long.MIN_VALUE, cutoffNanos - 1));
            commit(current);
            return before - current.writer.getDocStats().numDocs;
        } finally {
            shared.unlock();
        }
    }

    /**
     * Opens the index and brings it up to date: replays the log records its last commit does not cover (dedup
     * skips what it does hold), commits, and starts indexing. Nothing else runs meanwhile.
     */
    private LuceneIndex openIndex() throws IOException {
        LuceneIndex opened = LuceneIndex.open(directory, merges.get());
        try {
            Replay.into(opened, wal, pending, quarantine);
            long generation = wal.rotate();
            opened.commit(generation);
            wal.deleteBefore(generation);
            refresh(opened, 0);
            warmUp(opened);
            opened.startIndexer(MAX_PENDING, wal.lastSequence(), fault::down);
            return opened;
        } catch (IOException | RuntimeException e) {
            opened.abandon();
            throw e;
        }
    }

    /**
     * Searches the index for a second before the store reports ready, as clients will: the first search after a
     * restart otherwise ran interpreted, 210-290 ms against 30-60 ms once compiled.
     */
    private static void warmUp(LuceneIndex opened) throws IOException {
        long until = System.nanoTime() + WARM_UP_NANOS;
        List<SearchQuery> kinds = List.of(
                new SearchQuery(
                        Optional.of("error failed"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        50,
                        Optional.empty()),
                new SearchQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Severity.ERROR),
                        Optional.of(0L),
                        Optional.of(Long.MAX_VALUE),
                        50,
                        Optional.empty()));
        for (int i = 0; System.nanoTime() < until; i++) {
            opened.search.search(kinds.get(i % kinds.size()));
        }
    }

    /** Reopens the reader if stale; keys indexed up to {@code indexedSequence} are then visible to it. */
    private void refresh(LuceneIndex current, long indexedSequence) throws IOException {
        current.refresh();
        pending.visibleUpTo(indexedSequence);
    }

    /** Commits the index once everything in the log files before a new generation is indexed, then drops them. */
    private void commit(LuceneIndex current) throws IOException {
        synchronized (current) {
            long generation;
            long sequence;
            synchronized (appendOrder) {
                generation = wal.rotate();
                sequence = wal.lastSequence();
            }
            current.indexer().awaitIndexed(sequence);
            current.commit(generation);
            wal.deleteBefore(generation);
        }
    }

    private void refreshQuietly() {
        maintain(current -> refresh(current, current.indexer().indexed()));
    }

    private void commitQuietly() {
        maintain(this::commit);
    }

    private interface Maintenance {
        void run(LuceneIndex index) throws IOException;
    }

    /** Runs a maintenance step on a working store; a failure of the storage takes the store down. */
    private void maintain(Maintenance step) {
        Lock shared = lifecycle.readLock();
        if (fault.present() || !shared.tryLock()) {
            return;
        }
        try {
            LuceneIndex current = index;
            if (!fault.present() && current != null) {
                step.run(current);
            }
        } catch (IOException | RuntimeException e) {
            fault.down(e);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Throws the failed index away and opens a new one. Waits for running appends and reads to finish (each fails
     * fast against a failed store), so that the pending keys can be dropped and rebuilt from the disk.
     */
    private void reopen() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            LuceneIndex failed = index;
            index = null;
            if (failed != null) {
                failed.abandon();
            }
            pending.clear();
            wal.restart();
            index = openIndex();
            fault.cleared();
        } catch (Throwable e) {
            fault.persists(e);
        } finally {
            exclusive.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        // no interrupt: one landing in a commit's fsync closes the index files under the writer, which then
        // cannot close and keeps the index locked for the life of the JVM
        maintenance.shutdown();
        Lock exclusive = lifecycle.writeLock();
        try {
            maintenance.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exclusive.lock();
        try {
            LuceneIndex current = index;
            if (current != null) {
                current.stopIndexer();
                if (!fault.present()) {
                    commit(current);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (index != null) {
                    index.close();
                }
                wal.close();
            } finally {
                directory.close();
                exclusive.unlock();
            }
        }
    }
}
