package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
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

/**
 * The log store on a local Lucene index. An append is acknowledged only after a commit (fsync) that covers
 * it; concurrent appends share commits. Dedup looks keys up in the last opened reader plus the keys added
 * since, so it holds across restarts without a separate key table.
 */
public final class LuceneLogStore implements LogStore, Closeable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final GroupCommit groupCommit;
    private final LuceneSearch search;
    /** Keys added since the current reader was opened; cleared, under the write lock, on each reopen. */
    private final Map<String, Boolean> addedSinceRefresh = new ConcurrentHashMap<>();
    private final ReadWriteLock refreshLock = new ReentrantReadWriteLock();

    public LuceneLogStore(Path dir) throws IOException {
        Analyzer analyzer = LuceneSearch.analyzer();
        directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(48);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        groupCommit = new GroupCommit(this::commitAndRefresh);
        search = new LuceneSearch(searchers, analyzer);
    }

    @Override
    public AppendResult append(List<LogEvent> entries, UnaryOperator<List<LogEvent>> join, long receivedNanos)
            throws IOException {
        List<LogEvent> fresh = new ArrayList<>(entries.size());
        List<String> reserved = new ArrayList<>();
        List<LogEvent> stored;
        long seq;
        refreshLock.readLock().lock();
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
            stored = join.apply(fresh);
            List<Document> docs = new ArrayList<>(stored.size());
            for (LogEvent event : stored) {
                docs.add(LuceneFields.toDocument(event, receivedNanos));
            }
            try {
                seq = docs.isEmpty() ? -1 : writer.addDocuments(docs);
            } catch (IOException | RuntimeException e) {
                reserved.forEach(addedSinceRefresh::remove);
                throw e;
            }
        } finally {
            refreshLock.readLock().unlock();
        }
        if (seq >= 0) {
            groupCommit.awaitDurable(seq);
        }
        return new AppendResult(fresh.size(), entries.size() - fresh.size(), stored);
    }

    @Override
    public SearchPage search(SearchQuery query) throws IOException {
        return search.search(query);
    }

    @Override
    public Optional<EntryContext> context(String key, int before, int after) throws IOException {
        return search.context(key, before, after);
    }

    @Override
    public long deleteReceivedBefore(long cutoffNanos) throws IOException {
        long before = writer.getDocStats().numDocs;
        writer.deleteDocuments(LongPoint.newRangeQuery(LuceneFields.RECEIVED, Long.MIN_VALUE, cutoffNanos - 1));
        groupCommit.awaitDurable(writer.getMaxCompletedSequenceNumber());
        return before - writer.getDocStats().numDocs;
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

    /** Commits, then reopens the reader so that search and dedup see what was committed. */
    private long commitAndRefresh() throws IOException {
        long seq = writer.commit();
        refreshLock.writeLock().lock();
        try {
            searchers.maybeRefreshBlocking();
            addedSinceRefresh.clear();
        } finally {
            refreshLock.writeLock().unlock();
        }
        return seq;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
