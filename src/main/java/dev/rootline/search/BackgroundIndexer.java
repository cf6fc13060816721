package dev.rootline.search;

import dev.rootline.app.Daemons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds acknowledged events to the index on a thread of its own, in log order, so that a request waits for its
 * fsync and not for Lucene. What waits is bounded by its size, a unit per entry and per kilobyte of it: beyond
 * that, appends block, which is the backpressure that keeps memory bounded when indexing falls behind, and a
 * batch of a few large entries weighs what it holds. On any failure (a full disk, an out-of-memory error) the
 * indexer stops, wakes everyone waiting on it with the failure, and reports it once.
 */
final class BackgroundIndexer implements AutoCloseable {

    private record Batch(List<LogStore.StoredEvent> events, long receivedNanos, long sequence, int permits) {}

    private static final Batch STOP = new Batch(List.of(), 0, -1, 0);
    private static final long ABANDON_WAIT_MILLIS = 10_000;

    private final IndexWriter writer;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4096);
    private final Semaphore capacity;
    private final int maxPending;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    private long indexed;
    private IOException failure;

    /**
     * @param maxPending the most units (an entry, a kilobyte) waiting at a time
     * @param onFailure  told once, from the indexer's thread, when it stops on a failure
     */
    BackgroundIndexer(IndexWriter writer, int maxPending, long alreadyIndexed, Consumer<Throwable> onFailure) {
        this.writer = writer;
        this.capacity = new Semaphore(maxPending);
        this.maxPending = maxPending;
        this.indexed = alreadyIndexed;
        this.onFailure = onFailure;
        this.thread = Daemons.thread("rootline-indexer", this::run);
        thread.start();
    }

    /** Queues events logged at {@code sequence}; callers must enqueue in sequence order. */
    void enqueue(List<LogStore.StoredEvent> events, long receivedNanos, long sequence)
            throws InterruptedException, IOException {
        int permits = Math.max(1, Math.min(weight(events), maxPending));
        while (!capacity.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
            failed();
        }
        try {
            failed();
            queue.put(new Batch(events, receivedNanos, sequence, permits));
        } catch (IOException e) {
            capacity.release(permits);
            throw e;
        }
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
        failed();
        return indexed;
    }

    synchronized long indexed() {
        return indexed;
    }

    /** Stops after what is queued; returns at once if the indexer already stopped on a failure. */
    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            queue.put(STOP);
            thread.join();
        }
    }

    /**
     * Stops without indexing what is queued: the write-ahead log holds it, and a replay will index it. Not by
     * interrupting: an interrupt landing in the writer's file I/O closes files under it and leaves the index locked.
     */
    void abandon() throws InterruptedException {
        queue.clear();
        queue.offer(STOP);
        thread.join(ABANDON_WAIT_MILLIS);
    }

    /** Throws the failure, as a new exception each time: several threads may be waiting to learn of it. */
    private synchronized void failed() throws StorageUnavailableException {
        if (failure != null) {
            throw new StorageUnavailableException(failure.getMessage(), failure);
        }
    }

    private static int weight(List<LogStore.StoredEvent> events) {
        long units = 0;
        for (LogStore.StoredEvent event : events) {
            for (byte[] entry : event.event().entries()) {
                units += 1 + entry.length / 1024;
            }
        }
        return (int) Math.min(units, Integer.MAX_VALUE);
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
                LuceneFields.BatchTerms terms = new LuceneFields.BatchTerms();
                for (LogStore.StoredEvent event : batch.events()) {
                    docs.add(LuceneFields.toDocument(event, batch.receivedNanos(), terms));
                }
                writer.addDocuments(docs);
                synchronized (this) {
                    indexed = batch.sequence();
                    notifyAll();
                }
            } catch (Throwable e) { // an OutOfMemoryError too: a dead indexer must not leave its waiters hanging
                onFailure.accept(e); // first, so that whoever learns of it below finds the store down
                synchronized (this) {
                    failure = new IOException("indexing failed: " + e, e);
                    notifyAll();
                }
                return;
            } finally {
                capacity.release(batch.permits());
            }
        }
    }
}
