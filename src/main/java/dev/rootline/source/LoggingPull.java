package dev.rootline.source;

import com.google.cloud.logging.v2.LoggingClient;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.ingest.IngestService;
import dev.rootline.ingest.QuarantineService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One Cloud Logging API source: reads the project's entries in ascending time from one overlap window before the
 * checkpoint, stores each page, and then moves the checkpoint to the page's last entry. A stop between the two
 * leaves the page to be read again, and the store's dedup makes that, like the overlap, free: every entry is
 * stored once.
 */
final class LoggingPull {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private final String name;
    private final RootlineConfig.LoggingSource config;
    private final LoggingClient client;
    private final IngestService ingest;
    private final QuarantineService quarantine;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final ExecutorService prefetch;

    LoggingPull(String name, RootlineConfig.LoggingSource config, LoggingClient client, IngestService ingest,
                QuarantineService quarantine, Checkpoints checkpoints, Clock clock) {
        this.name = name;
        this.config = config;
        this.client = client;
        this.ingest = ingest;
        this.quarantine = quarantine;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rootline-source-" + name + "-prefetch");
            t.setDaemon(true);
            return t;
        });
    }

    void close() {
        prefetch.shutdown();
    }

    /** Reads everything there is now, page by page; returns how many entries were new to the store. */
    long poll(BooleanSupplier stopping) throws IOException {
        Optional<Checkpoints.Checkpoint> checkpoint = checkpoints.load(name);
        Instant from = checkpoint.map(c -> Instant.ofEpochSecond(0, c.timeNanos()))
                .orElse(clock.instant()).minus(config.overlap());
        String since = "timestamp>=\"" + from + "\"";
        ListLogEntriesRequest request = ListLogEntriesRequest.newBuilder()
                .addResourceNames("projects/" + config.project())
                .setFilter(config.filter().filter(f -> !f.isBlank()).map(f -> "(" + f + ") AND " + since).orElse(since))
                .setOrderBy("timestamp asc")
                .setPageSize(config.pageSize())
                .build();
        Iterator<LoggingClient.ListLogEntriesPage> pages = client.listLogEntries(request).iteratePages().iterator();
        long stored = 0;
        // the next page is fetched and printed while this one is stored: the two take about as long
        Future<Page> next = prefetch.submit(() -> Page.next(pages));
        for (Page page = await(next); page != null; page = await(next)) {
            next = stopping.getAsBoolean() ? CompletableFuture.completedFuture(null) : prefetch.submit(() -> Page.next(pages));
            if (!page.json().isEmpty()) {
                stored += store(page.json());
                if (checkpoint.isEmpty() || page.last().timeNanos() >= checkpoint.get().timeNanos()) {
                    checkpoints.save(name, page.last(), clock.millis());
                }
            }
        }
        return stored;
    }

    /** A page read and printed as the REST API's JSON, with the checkpoint its last entry makes. */
    private record Page(List<String> json, Checkpoints.Checkpoint last) {

        /** The next page, or null after the last. */
        static Page next(Iterator<LoggingClient.ListLogEntriesPage> pages) throws InvalidProtocolBufferException {
            if (!pages.hasNext()) {
                return null;
            }
            List<LogEntry> entries = pages.next().getResponse().getEntriesList();
            List<String> json = new ArrayList<>(entries.size());
            for (LogEntry entry : entries) {
                json.add(LoggingPull.json(entry));
            }
            LogEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            return new Page(json, last == null ? null
                    : new Checkpoints.Checkpoint(Timestamps.toNanos(last.getTimestamp()), last.getInsertId()));
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
     * The page as one batch; should an entry be invalid, entry by entry, the bad ones quarantined. Returns how many
     * entries were new.
     */
    private int store(List<String> json) throws IOException {
        try {
            return ingest.ingest(("[" + String.join(",", json) + "]").getBytes(StandardCharsets.UTF_8)).accepted();
        } catch (InvalidEntryException e) {
            int accepted = 0;
            for (String one : json) {
                byte[] bytes = one.getBytes(StandardCharsets.UTF_8);
                try {
                    accepted += ingest.ingest(bytes).accepted();
                } catch (InvalidEntryException bad) {
                    quarantine.quarantine(new QuarantineService.Delivery("logging-api:" + name, null, null, bytes),
                            bad.getMessage());
                }
            }
            return accepted;
        }
    }

    /** The entry as the REST API writes it; a payload of a type this build cannot print is left out. */
    private static String json(LogEntry entry) throws InvalidProtocolBufferException {
        try {
            return JSON.print(entry);
        } catch (InvalidProtocolBufferException unknownPayloadType) {
            return JSON.print(entry.toBuilder().clearProtoPayload().build());
        }
    }
}
