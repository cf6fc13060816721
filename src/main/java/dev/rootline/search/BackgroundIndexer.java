package dev.rootline.search;

import dev.rootline.app.Daemons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.jboss.logging.Logger;

/**
 * Adds acknowledged events to the index on a thread of its own, in log order, so that a request waits for its
 * fsync and not for Lucene. At most {@code maxPendingEntries} wait at a time: beyond that, appends block, which
 * is the backpressure that keeps memory bounded when indexing falls behind.
 */
final class BackgroundIndexer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundIndexer.class);

    private record Batch(List<LogStore.StoredEvent> events, long receivedNanos, long sequence, int permits) {
    }

    private static final Batch STOP = new Batch(List.of(), 0, -1, 0);

    private final IndexWriter writer;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4096);
    private final Semaphore capacity;
    private final int maxPendingEntries;
    private final Thread thread;
    private long indexed;
    private IOException failure;

    BackgroundIndexer(IndexWriter writer, int maxPendingEntries, long alreadyIndexed) {
        this.writer = writer;
        this.capacity = new Semaphore(maxPendingEntries);
        this.maxPendingEntries = maxPendingEntries;
        this.indexed = alreadyIndexed;
        this.thread = Daemons.thread("rootline-indexer", this::run);
        thread.start();
    }

    /** Queues events logged at {@code sequence}; callers must enqueue in sequence order. */
    void enqueue(List<LogStore.StoredEvent> events, long receivedNanos, long sequence) throws InterruptedException {
        int permits = Math.max(1, Math.min(events.size(), maxPendingEntries));
        capacity.acquire(permits);
        queue.put(new Batch(events, receivedNanos, sequence, permits));
    }

    /** Returns once everything logged up to {@code sequence} is in the index writer. */
    synchronized long awaitIndexed(long sequence) throws IOException {
        while (indexed < sequence && failure == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the indexer", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return indexed;
    }

    synchronized long indexed() {
        return indexed;
    }

    @Override
    public void close() throws InterruptedException {
        queue.put(STOP);
        thread.join();
    }

    private void run() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == STOP) {
                return;
            }
            try {
                List<Document> docs = new ArrayList<>(batch.events().size());
                for (LogStore.StoredEvent event : batch.events()) {
                    docs.add(LuceneFields.toDocument(event, batch.receivedNanos()));
                }
                writer.addDocuments(docs);
                synchronized (this) {
                    indexed = batch.sequence();
                    notifyAll();
                }
            } catch (IOException | RuntimeException e) {
                // the entries are safe in the write-ahead log and are replayed on the next start
                LOG.error("indexing failed; restart Rootline to replay the write-ahead log", e);
                synchronized (this) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                    notifyAll();
                }
                return;
            } finally {
                capacity.release(batch.permits());
            }
        }
    }
}
