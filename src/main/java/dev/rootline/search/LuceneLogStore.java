package dev.rootline.search;

import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The log store on a local Lucene index. An append is acknowledged once its write-ahead-log record is fsynced
 * (concurrent appends share fsyncs); the index itself commits every few seconds, and replays the log on start-up.
 * Dedup looks keys up in the last opened reader plus the keys added since, so it holds across restarts without a
 * separate key table.
 */
public final class LuceneLogStore implements LogStore, Closeable {

    private static final Logger LOG = Logger.getLogger(LuceneLogStore.class);
    private static final String WAL_GENERATION = "rootline.wal.generation";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final WriteAheadLog wal;
    private final LuceneSearch search;
    private final UnaryOperator<List<LogEvent>> join;
    /** Keys added since the current reader was opened; cleared, under the write lock, on each reopen. */
    private final Map<String, Boolean> addedSinceRefresh = new ConcurrentHashMap<>();
    /**
     * Appends (log record and index addition, concurrently) hold the read side; reopening the reader and rotating
     * the log take the write side, so neither ever splits an append.
     */
    private final ReadWriteLock appendLock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rootline-log-store");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param join traceback joining, applied to the new entries of each append and of each replayed record
     */
    public LuceneLogStore(Path dir, UnaryOperator<List<LogEvent>> join) throws IOException {
        this.join = join;
        directory = FSDirectory.open(dir.resolve("index"));
        IndexWriterConfig config = new IndexWriterConfig(LuceneSearch.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(LuceneFields.CODEC)
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        search = new LuceneSearch(searchers, LuceneSearch.analyzer());
        wal = new WriteAheadLog(dir.resolve("wal"));
        replay();
        maintenance.scheduleWithFixedDelay(this::refreshQuietly, 5, 5, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(this::commitQuietly, 10, 10, TimeUnit.SECONDS);
    }

    @Override
    public AppendResult append(List<LogEvent> entries, long receivedNanos) throws IOException {
        Appended appended = add(entries, receivedNanos, true);
        if (appended.walSequence > 0) {
            wal.awaitDurable(appended.walSequence);
        }
        return appended.result;
    }

    private record Appended(AppendResult result, long walSequence) {
    }

    private Appended add(List<LogEvent> entries, long receivedNanos, boolean log) throws IOException {
        List<LogEvent> fresh = new ArrayList<>(entries.size());
        List<String> reserved = new ArrayList<>();
        appendLock.readLock().lock();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                for (LogEvent entry : entries) {
                    if (addedSinceRefresh.putIfAbsent(entry.key(), Boolean.TRUE) == null) {
                        reserved.add(entry.key());
                        if (!contains(searcher, entry.key())) {
                            fresh.add(entry);
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            List<LogEvent> stored = join.apply(fresh);
            List<Document> docs = new ArrayList<>(stored.size());
            for (LogEvent event : stored) {
                docs.add(LuceneFields.toDocument(event, receivedNanos));
            }
            long sequence = 0;
            try {
                if (!docs.isEmpty()) {
                    // one indexing thread at a time: concurrent threads would each fill a segment of their own
                    synchronized (writer) {
                        if (log) {
                            sequence = wal.append(new WriteAheadLog.Record(receivedNanos, originals(fresh)));
                        }
                        writer.addDocuments(docs);
                    }
                }
            } catch (IOException | RuntimeException e) {
                reserved.forEach(addedSinceRefresh::remove);
                throw e;
            }
            return new Appended(new AppendResult(fresh.size(), entries.size() - fresh.size(), stored), sequence);
        } finally {
            appendLock.readLock().unlock();
        }
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
        refresh();
        return search.search(query);
    }

    @Override
    public Optional<EntryContext> context(String key, int before, int after) throws IOException {
        refresh();
        return search.context(key, before, after);
    }

    @Override
    public long deleteReceivedBefore(long cutoffNanos) throws IOException {
        long before = writer.getDocStats().numDocs;
        writer.deleteDocuments(LongPoint.newRangeQuery(LuceneFields.RECEIVED, Long.MIN_VALUE, cutoffNanos - 1));
        commit();
        return before - writer.getDocStats().numDocs;
    }

    /** Replays the log records the index's last commit does not cover; dedup skips what it does. */
    private void replay() throws IOException {
        long fromGeneration = 0;
        try (DirectoryReader committed = DirectoryReader.open(writer)) {
            String recorded = committed.getIndexCommit().getUserData().get(WAL_GENERATION);
            fromGeneration = recorded == null ? 0 : Long.parseLong(recorded);
        } catch (org.apache.lucene.index.IndexNotFoundException empty) {
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
            replayed += add(entries, record.receivedNanos(), false).result().accepted();
        }
        if (replayed > 0) {
            LOG.infof("replayed %d entries from the write-ahead log", replayed);
        }
        commit();
    }

    private static boolean contains(IndexSearcher searcher, String key) throws IOException {
        BytesRef term = new BytesRef(key);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(LuceneFields.MEMBER);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                if (te.seekExact(term)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reopens the reader so that search and dedup see every added document. */
    private void refresh() throws IOException {
        if (searchers.isSearcherCurrent()) {
            return;
        }
        appendLock.writeLock().lock();
        try {
            searchers.maybeRefreshBlocking();
            addedSinceRefresh.clear();
        } finally {
            appendLock.writeLock().unlock();
        }
    }

    /** Commits the index and drops the log files it now covers. */
    private synchronized void commit() throws IOException {
        long generation;
        appendLock.writeLock().lock();
        try {
            generation = wal.rotate();
        } finally {
            appendLock.writeLock().unlock();
        }
        writer.setLiveCommitData(Map.of(WAL_GENERATION, Long.toString(generation)).entrySet());
        writer.commit();
        wal.deleteBefore(generation);
    }

    private void refreshQuietly() {
        try {
            refresh();
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
        maintenance.shutdownNow();
        commit();
        searchers.close();
        writer.close();
        wal.close();
        directory.close();
    }
}
