package dev.rootline.search;

import dev.rootline.app.Daemons;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.signature.Match;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The log store on a local Lucene index. An append is acknowledged once its write-ahead-log record is fsynced
 * (concurrent appends share fsyncs); a background indexer adds it to the index, which commits every few seconds
 * and replays the log on start-up. Search waits until everything acknowledged is indexed, so a client reads its
 * own writes. Dedup looks keys up in the current reader plus the keys not yet visible to it, so it holds across
 * restarts without a separate key table.
 */
public final class LuceneLogStore implements LogStore, Closeable {

    private static final Logger LOG = Logger.getLogger(LuceneLogStore.class);
    private static final String WAL_GENERATION = "rootline.wal.generation";
    /**
     * Two 1000-entry batches. Entries waiting longer than a young collection or two are copied into the old
     * generation and die there; at 20,000 the queue filled the old generation so fast that G1 ran a concurrent
     * marking cycle every quarter of a second (CPU a 1000-entry batch: 38 → 32 ms when it went).
     */
    private static final int MAX_PENDING_ENTRIES = 2_000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final WriteAheadLog wal;
    private final LuceneSearch search;
    private final UnaryOperator<List<LogEvent>> join;
    private final Function<LogEvent, List<Match>> matcher;
    private final KeyReservations reservations = new KeyReservations();
    private final BackgroundIndexer indexer;
    /** Log records and indexer batches must be in the same order. */
    private final Object appendOrder = new Object();
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("rootline-log-store"));

    /**
     * @param join    traceback joining, applied to the new entries of each append and of each replayed record
     * @param matcher the signatures an event matches, indexed with it
     */
    public LuceneLogStore(Path dir, UnaryOperator<List<LogEvent>> join, Function<LogEvent, List<Match>> matcher)
            throws IOException {
        this(dir, join, matcher, new ConcurrentMergeScheduler());
    }

    /** @param merges runs the index's segment merges (Lucene's default: a thread for each) */
    LuceneLogStore(Path dir, UnaryOperator<List<LogEvent>> join, Function<LogEvent, List<Match>> matcher,
                   MergeScheduler merges) throws IOException {
        this.join = join;
        this.matcher = matcher;
        // Reading segments looks codecs up by name. Lucene's lookup only sees the class loaders it was first
        // initialised with, which in a JVM that runs several Quarkus applications (the tests) may not be ours.
        Codec.reloadCodecs(RootlineCodec.class.getClassLoader());
        PostingsFormat.reloadPostingsFormats(RootlineCodec.class.getClassLoader());
        directory = FSDirectory.open(dir.resolve("index"));
        IndexWriterConfig config = new IndexWriterConfig(LuceneSearch.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new RootlineCodec())
                .setUseCompoundFile(false)
                .setMergeScheduler(merges)
                .setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        search = new LuceneSearch(searchers, LuceneSearch.analyzer());
        wal = new WriteAheadLog(dir.resolve("wal"));
        replay();
        indexer = new BackgroundIndexer(writer, MAX_PENDING_ENTRIES, wal.lastSequence());
        maintenance.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
        // often, so that each commit fsyncs little: a commit of ten seconds of segments held up the write-ahead
        // log's fsyncs, and with them every request, for a quarter of a second
        maintenance.scheduleWithFixedDelay(this::commitQuietly, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public AppendResult append(List<LogEvent> entries, long receivedNanos) throws IOException {
        List<LogEvent> fresh = reserveFresh(entries, receivedNanos);
        if (fresh.isEmpty()) {
            return new AppendResult(0, entries.size(), tag(join.apply(asStored(entries, receivedNanos))));
        }
        List<StoredEvent> events = tag(join.apply(fresh));
        long sequence;
        try {
            synchronized (appendOrder) {
                sequence = wal.append(new WriteAheadLog.Record(receivedNanos, originals(fresh)));
                indexer.enqueue(events, receivedNanos, sequence);
            }
        } catch (IOException | RuntimeException e) {
            fresh.forEach(entry -> reservations.release(entry.key()));
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while appending");
        }
        for (LogEvent entry : fresh) {
            reservations.assign(entry.key(), sequence, entry.timeNanos());
        }
        wal.awaitDurable(sequence);
        if (fresh.size() < entries.size()) {
            Set<LogEvent> isFresh = Collections.newSetFromMap(new IdentityHashMap<>());
            isFresh.addAll(fresh);
            events = new ArrayList<>(events);
            List<LogEvent> duplicates = entries.stream().filter(e -> !isFresh.contains(e)).toList();
            events.addAll(tag(join.apply(asStored(duplicates, receivedNanos))));
        }
        return new AppendResult(fresh.size(), entries.size() - fresh.size(), events);
    }

    /**
     * Re-sent entries as they were stored. One that has neither timestamp nor receiveTimestamp took this arrival's
     * time; it gets back the time it was stored with, which is where correlation holds it. Any other entry's key
     * fixes its time.
     */
    private List<LogEvent> asStored(List<LogEvent> duplicates, long receivedNanos) throws IOException {
        List<LogEvent> stored = new ArrayList<>(duplicates.size());
        for (LogEvent entry : duplicates) {
            stored.add(entry.timeNanos() == receivedNanos ? entry.withTime(storedTime(entry)) : entry);
        }
        return stored;
    }

    /** Where the entry is until a reader sees it, else what the index holds; its own time if neither knows it yet. */
    private long storedTime(LogEvent entry) throws IOException {
        Long reserved = reservations.storedTime(entry.key());
        if (reserved != null) {
            return reserved;
        }
        return context(entry.key(), 1, 1).map(c -> Timestamps.nanos(c.entry().timestamp())).orElse(entry.timeNanos());
    }

    private List<StoredEvent> tag(List<LogEvent> events) {
        List<StoredEvent> tagged = new ArrayList<>(events.size());
        for (LogEvent event : events) {
            tagged.add(new StoredEvent(event, matcher.apply(event)));
        }
        return tagged;
    }

    /** The entries neither stored nor being stored, now reserved for this caller. */
    private List<LogEvent> reserveFresh(List<LogEvent> entries, long receivedNanos) throws IOException {
        List<LogEvent> reserved = new ArrayList<>(entries.size());
        for (LogEvent entry : entries) {
            if (reservations.reserve(entry.key())) {
                reserved.add(entry);
            }
        }
        if (reserved.isEmpty()) {
            return reserved;
        }
        boolean[] stored;
        IndexSearcher searcher = searchers.acquire();
        try {
            stored = stored(searcher, reserved, receivedNanos);
        } finally {
            searchers.release(searcher);
        }
        List<LogEvent> fresh = new ArrayList<>(reserved.size());
        for (int i = 0; i < reserved.size(); i++) {
            if (stored[i]) {
                reservations.release(reserved.get(i).key());
            } else {
                fresh.add(reserved.get(i));
            }
        }
        return fresh;
    }

    /**
     * Which of the entries the index holds. One terms enumeration per segment serves the whole batch, in key
     * order: looking each key up on its own cost a field lookup and an enumeration per key and segment. A key is
     * only looked up in segments whose events' time range can hold it, which for a live stream is the newest few.
     */
    private static boolean[] stored(IndexSearcher searcher, List<LogEvent> entries, long receivedNanos)
            throws IOException {
        BytesRef[] keys = new BytesRef[entries.size()];
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new BytesRef(entries.get(i).key());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        boolean[] stored = new boolean[keys.length];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(LuceneFields.MEMBER);
            if (terms == null) {
                continue;
            }
            SegmentTimes times = SegmentTimes.of(leaf.reader());
            TermsEnum enumeration = terms.iterator();
            for (int i : order) {
                stored[i] = stored[i] || times.mayHold(entries.get(i), receivedNanos) && enumeration.seekExact(keys[i]);
            }
        }
        return stored;
    }

    private static List<byte[]> originals(List<LogEvent> entries) {
        List<byte[]> originals = new ArrayList<>(entries.size());
        for (LogEvent entry : entries) {
            originals.addAll(entry.entries());
        }
        return originals;
    }

    @Override
    public SearchPage search(SearchQuery query) throws IOException {
        refresh(indexer.awaitIndexed(wal.lastSequence()));
        return search.search(query);
    }

    @Override
    public Optional<EntryContext> context(String key, int before, int after) throws IOException {
        refresh(indexer.awaitIndexed(wal.lastSequence()));
        return search.context(key, before, after);
    }

    @Override
    public long deleteReceivedBefore(long cutoffNanos) throws IOException {
        indexer.awaitIndexed(wal.lastSequence());
        long before = writer.getDocStats().numDocs;
        // hourly, so a doc-values scan is cheap enough and spares every append a points field
        writer.deleteDocuments(NumericDocValuesField.newSlowRangeQuery(LuceneFields.RECEIVED, Long.MIN_VALUE, cutoffNanos - 1));
        commit();
        return before - writer.getDocStats().numDocs;
    }

    /** Replays the log records the index's last commit does not cover; dedup skips what it does hold. */
    private void replay() throws IOException {
        long fromGeneration = 0;
        try (DirectoryReader committed = DirectoryReader.open(writer)) {
            String recorded = committed.getIndexCommit().getUserData().get(WAL_GENERATION);
            fromGeneration = recorded == null ? 0 : Long.parseLong(recorded);
        } catch (IndexNotFoundException empty) {
            // a new index: everything in the log is to be replayed
        }
        int replayed = 0;
        for (WriteAheadLog.Record record : wal.readFrom(fromGeneration)) {
            List<LogEvent> entries = new ArrayList<>(record.entries().size());
            for (byte[] original : record.entries()) {
                try {
                    entries.addAll(Payloads.read(original, record.receivedNanos()));
                } catch (InvalidEntryException e) {
                    throw new IOException("the write-ahead log holds an entry that no longer parses: " + e.getMessage(), e);
                }
            }
            List<LogEvent> fresh = reserveFresh(entries, record.receivedNanos());
            List<Document> docs = new ArrayList<>();
            for (StoredEvent event : tag(join.apply(fresh))) {
                docs.add(LuceneFields.toDocument(event, record.receivedNanos()));
            }
            writer.addDocuments(docs);
            fresh.forEach(entry -> reservations.assign(entry.key(), 0, entry.timeNanos()));
            replayed += fresh.size();
        }
        if (replayed > 0) {
            LOG.infof("replayed %d entries from the write-ahead log", replayed);
        }
        commitUpTo(wal.rotate(), 0);
        refresh(0);
    }

    /** Reopens the reader if stale; keys indexed up to {@code indexedSequence} are then visible to dedup. */
    private void refresh(long indexedSequence) throws IOException {
        if (!searchers.isSearcherCurrent()) {
            searchers.maybeRefreshBlocking();
        }
        reservations.visibleUpTo(indexedSequence);
    }

    /** Commits the index once everything in the log files before a new generation is indexed, then drops them. */
    private synchronized void commit() throws IOException {
        long generation;
        long sequence;
        synchronized (appendOrder) {
            generation = wal.rotate();
            sequence = wal.lastSequence();
        }
        commitUpTo(generation, indexer.awaitIndexed(sequence));
    }

    private void commitUpTo(long generation, long indexedSequence) throws IOException {
        writer.setLiveCommitData(Map.of(WAL_GENERATION, Long.toString(generation)).entrySet());
        writer.commit();
        wal.deleteBefore(generation);
    }

    private void refreshQuietly() {
        try {
            refresh(indexer.indexed());
        } catch (IOException | RuntimeException e) {
            LOG.warn("refreshing the log index failed", e);
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("committing the log index failed; the write-ahead log still holds every entry", e);
        }
    }

    @Override
    public void close() throws IOException {
        // no interrupt: one landing in a commit's fsync closes the index files under the writer, which then
        // cannot close and keeps the index locked for the life of the JVM
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(1, TimeUnit.MINUTES);
            indexer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit();
            searchers.close();
        } finally {
            // Everything indexed is committed (or, if the commit failed, still in the write-ahead log), so rolling
            // back only stops the merges that are running. Closing would wait for them: over a minute after a long
            // load, where Cloud Run allows ten seconds from SIGTERM to the kill.
            writer.rollback();
            wal.close();
            directory.close();
        }
    }
}
