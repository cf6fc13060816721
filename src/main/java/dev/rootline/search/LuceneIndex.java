package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.jboss.logging.Logger;

/**
 * One opening of the Lucene index: its writer, the searchers over it and the indexer feeding it. After a storage
 * failure the store throws the whole of it away and opens a new one, which the write-ahead log brings up to date.
 */
final class LuceneIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    static final String WAL_GENERATION = "rootline.wal.generation";
    /** How many segments a merge takes, and a tier holds before one starts (see {@link #widerMerges}). */
    static final int SEGMENTS_PER_MERGE = 20;

    final IndexWriter writer;
    final SearcherManager searchers;
    final LuceneSearch search;
    private final SegmentTimes.PerSegment segmentTimes;
    private BackgroundIndexer indexer;

    private LuceneIndex(IndexWriter writer, SegmentTimes.PerSegment segmentTimes) throws IOException {
        this.writer = writer;
        this.segmentTimes = segmentTimes;
        this.searchers = new SearcherManager(writer, null);
        this.search = new LuceneSearch(searchers, LuceneSearch.analyzer());
    }

    static LuceneIndex open(Directory directory, MergeScheduler merges) throws IOException {
        SegmentTimes.PerSegment segmentTimes = new SegmentTimes.PerSegment();
        IndexWriterConfig config = new IndexWriterConfig(LuceneSearch.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new RootlineCodec())
                .setUseCompoundFile(false)
                .setMergeScheduler(merges)
                .setMergePolicy(widerMerges())
                .setRAMBufferSizeMB(32)
                .setMergedSegmentWarmer(segmentTimes);
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            return new LuceneIndex(writer, segmentTimes);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    /**
     * Wider merges than Lucene's default of ten: each entry is rewritten fewer times. Merges are most of what the
     * index reads back from disk, which in a small container, with little page cache, is most of its reads
     * (docs/benchmarks.md, "Memory"); a search visits a few more segments.
     */
    private static TieredMergePolicy widerMerges() {
        return new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_MERGE).setMaxMergeAtOnce(SEGMENTS_PER_MERGE);
    }

    /** Which of the entries the searchers' view of the index holds ({@link StoredKeys}). */
    boolean[] holds(List<LogEvent> entries, long receivedNanos) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return StoredKeys.lookUp(searcher, segmentTimes, entries, receivedNanos);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The first write-ahead-log generation the last commit does not cover: where a replay starts. */
    long uncommittedGeneration() throws IOException {
        try (DirectoryReader committed = DirectoryReader.open(writer)) {
            String recorded = committed.getIndexCommit().getUserData().get(WAL_GENERATION);
            return recorded == null ? 0 : Long.parseLong(recorded);
        } catch (IndexNotFoundException empty) {
            return 0; // a new index: everything in the log is to be replayed
        }
    }

    /**
     * Adds replayed documents and returns the positions of those Lucene refused (the document, not the writer):
     * after a refusal each is tried alone, so one bad document cannot keep the index from opening.
     */
    List<Integer> addReplayed(List<Document> docs) throws IOException {
        try {
            writer.addDocuments(docs);
            return List.of();
        } catch (IllegalArgumentException e) {
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                try {
                    writer.addDocument(docs.get(i));
                } catch (IllegalArgumentException bad) {
                    LOG.errorf("a replayed entry cannot be indexed: %s", bad.getMessage());
                    refused.add(i);
                }
            }
            return refused;
        }
    }

    void startIndexer(int maxPending, long alreadyIndexed, Consumer<Throwable> onFailure) {
        indexer = new BackgroundIndexer(writer, maxPending, alreadyIndexed, onFailure);
    }

    BackgroundIndexer indexer() {
        return indexer;
    }

    /** Commits everything indexed, recording the first log generation the commit does not cover. */
    void commit(long walGeneration) throws IOException {
        writer.setLiveCommitData(
                Map.of(WAL_GENERATION, Long.toString(walGeneration)).entrySet());
        writer.commit();
    }

    void refresh() throws IOException {
        if (!searchers.isSearcherCurrent()) {
            searchers.maybeRefreshBlocking();
        }
    }

    /** Stops after what is queued. The caller commits; closing then only stops merges that are running. */
    void stopIndexer() throws InterruptedException {
        if (indexer != null) {
            indexer.close();
        }
    }

    /**
     * Closes without committing. Everything committed stays; everything after the commit is in the write-ahead
     * log. Rolling back rather than closing also stops running merges instead of waiting for them: over a minute
     * after a long load, where Cloud Run allows ten seconds from SIGTERM to the kill.
     */
    void close() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the searchers failed", e);
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.debug("rolling the index writer back failed", e);
        }
    }

    /** Throws this opening away after a failure: the indexer stops where it is, nothing is committed. */
    void abandon() {
        if (indexer != null) {
            try {
                indexer.abandon();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }
}
