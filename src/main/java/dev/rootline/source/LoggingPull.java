package dev.rootline.source;

import com.google.cloud.logging.v2.LoggingClient;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.LogEntry;
import dev.rootline.app.Daemons;
import dev.rootline.engine.event.ChunkedBytes;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.ingest.IngestService;
import dev.rootline.ingest.QuarantineService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One Cloud Logging API source: reads the project's entries in ascending time from one overlap window before the
 * checkpoint, stores a batch of pages, and then moves the checkpoint to the batch's last entry. A stop between the two
 * leaves the page to be read again, and the store's dedup makes that, like the overlap, free: every entry is
 * stored once.
 */
final class LoggingPull {

    private static final int PAGES_AHEAD = 4;
    private static final int BATCH_ENTRIES = 5000;

    private final String name;
    private final SourcesConfig.LoggingSource config;
    private final LoggingClient client;
    private final IngestService ingest;
    private final QuarantineService quarantine;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final ExecutorService prefetch;

    LoggingPull(
            String name,
            SourcesConfig.LoggingSource config,
            LoggingClient client,
            IngestService ingest,
            QuarantineService quarantine,
            Checkpoints checkpoints,
            Clock clock) {
        this.name = name;
        this.config = config;
        this.client = client;
        this.ingest = ingest;
        this.quarantine = quarantine;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.prefetch = Executors.newSingleThreadExecutor(Daemons.named("rootline-source-" + name + "-prefetch"));
    }

    void close() {
        prefetch.shutdown();
    }

    /** Reads everything there is now, page by page; returns how many entries were new to the store. */
    long poll(BooleanSupplier stopping) throws IOException {
        Optional<Checkpoints.Checkpoint> checkpoint = checkpoints.load(name);
        Instant from = checkpoint
                .map(c -> Instant.ofEpochSecond(0, c.timeNanos()))
                .orElse(clock.instant())
                .minus(config.overlap());
        String since = "timestamp>=\"" + from + "\"";
        ListLogEntriesRequest request = ListLogEntriesRequest.newBuilder()
                .addResourceNames("projects/" + config.project())
                .setFilter(config.filter()
                        .filter(f -> !f.isBlank())
                        .map(f -> "(" + f + ") AND " + since)
                        .orElse(since))
                .setOrderBy("timestamp asc")
                .setPageSize(config.pageSize())
                .build();
        Iterator<LoggingClient.ListLogEntriesPage> pages =
                client.listLogEntries(request).iteratePages().iterator();
        // Pages are fetched, printed and read ahead on another thread while earlier ones are stored; those ready by
        // then are stored together, sharing one fsync and one checkpoint.
        Deque<Future<Page>> ahead = new ArrayDeque<>();
        long stored = 0;
        try {
            for (boolean more = true; more; ) {
                while (ahead.size() < PAGES_AHEAD && !stopping.getAsBoolean()) {
                    ahead.add(prefetch.submit(() -> Page.next(pages, clock)));
                }
                if (ahead.isEmpty()) {
                    break;
                }
                Batch batch = nextBatch(ahead);
                more = batch.more();
                if (!batch.pages().isEmpty()) {
                    stored += store(batch.pages());
                    Checkpoints.Checkpoint last =
                            batch.pages().get(batch.pages().size() - 1).last();
                    if (checkpoint.isEmpty()
                            || last.timeNanos() >= checkpoint.get().timeNanos()) {
                        checkpoints.save(name, last, clock.millis());
                    }
                }
            }
        } finally {
            ahead.forEach(f -> f.cancel(false));
        }
        return stored;
    }

    /** Pages to store together, and whether the API has more after them. */
    private record Batch(List<Page> pages, boolean more) {}

    /** The next page, waited for, and those after it that are ready, up to {@link #BATCH_ENTRIES}. */
    private static Batch nextBatch(Deque<Future<Page>> ahead) throws IOException {
        List<Page> pages = new ArrayList<>();
        int entries = 0;
        do {
            Page page = await(ahead.poll());
            if (page == null) {
                return new Batch(pages, false);
            }
            if (!page.json().isEmpty()) {
                pages.add(page);
                entries += page.json().size();
            }
        } while (entries < BATCH_ENTRIES && !ahead.isEmpty() && ahead.peek().isDone());
        return new Batch(pages, true);
    }

    /**
     * A page, printed as the REST API's JSON and read into events, with the checkpoint its last entry makes.
     * {@code events} is null if an entry of the page is invalid.
     */
    private record Page(List<byte[]> json, List<LogEvent> events, Checkpoints.Checkpoint last) {

        /** The next page, or null after the last. */
        static Page next(Iterator<LoggingClient.ListLogEntriesPage> pages, Clock clock) {
            if (!pages.hasNext()) {
                return null;
            }
            List<LogEntry> entries = pages.next().getResponse().getEntriesList();
            List<byte[]> json = new ArrayList<>(entries.size());
            for (LogEntry entry : entries) {
                json.add(LogEntryJson.write(entry));
            }
            List<LogEvent> events;
            try {
                events = Payloads.read(array(json), Timestamps.nanos(clock.instant()));
            } catch (InvalidEntryException e) {
                events = null;
            }
            LogEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            return new Page(
                    json,
                    events,
                    last == null
                            ? null
                            : new Checkpoints.Checkpoint(
                                    com.google.protobuf.util.Timestamps.toNanos(last.getTimestamp()),
                                    last.getInsertId()));
        }
    }

    /** A prefetched page, its failure rethrown as the poll's. */
    private static Page await(Future<Page> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * The pages as one batch, but a page with an invalid entry entry by entry, its bad ones quarantined. Returns
     * how many entries were new.
     */
    private int store(List<Page> pages) throws IOException {
        List<LogEvent> events = new ArrayList<>();
        int accepted = 0;
        for (Page page : pages) {
            if (page.events() != null) {
                events.addAll(page.events());
                continue;
            }
            for (byte[] entry : page.json()) {
                try {
                    accepted += ingest.ingest(ChunkedBytes.of(entry)).accepted();
                } catch (InvalidEntryException bad) {
                    quarantine.quarantine(
                            new QuarantineService.Delivery("logging-api:" + name, null, null, entry), bad.getMessage());
                }
            }
        }
        return events.isEmpty() ? accepted : accepted + ingest.ingest(events).accepted();
    }

    /** The entries as one JSON array. */
    private static byte[] array(List<byte[]> json) {
        int size = 2 + Math.max(0, json.size() - 1);
        for (byte[] entry : json) {
            size += entry.length;
        }
        ByteBuffer array = ByteBuffer.allocate(size).put((byte) '[');
        for (int i = 0; i < json.size(); i++) {
            if (i > 0) {
                array.put((byte) ',');
            }
            array.put(json.get(i));
        }
        return array.put((byte) ']').array();
    }
}
