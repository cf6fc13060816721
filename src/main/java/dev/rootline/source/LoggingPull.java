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
import java.util.List;
import java.util.Optional;
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

    LoggingPull(String name, RootlineConfig.LoggingSource config, LoggingClient client, IngestService ingest,
                QuarantineService quarantine, Checkpoints checkpoints, Clock clock) {
        this.name = name;
        this.config = config;
        this.client = client;
        this.ingest = ingest;
        this.quarantine = quarantine;
        this.checkpoints = checkpoints;
        this.clock = clock;
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
        long stored = 0;
        for (LoggingClient.ListLogEntriesPage page : client.listLogEntries(request).iteratePages()) {
            List<LogEntry> entries = page.getResponse().getEntriesList();
            if (!entries.isEmpty()) {
                stored += store(entries);
                LogEntry last = entries.get(entries.size() - 1);
                Checkpoints.Checkpoint reached = new Checkpoints.Checkpoint(Timestamps.toNanos(last.getTimestamp()),
                        last.getInsertId());
                if (checkpoint.isEmpty() || reached.timeNanos() >= checkpoint.get().timeNanos()) {
                    checkpoints.save(name, reached, clock.millis());
                }
            }
            if (stopping.getAsBoolean()) {
                break;
            }
        }
        return stored;
    }

    /**
     * The page as one batch; should an entry be invalid, entry by entry, the bad ones quarantined. Returns how many
     * entries were new.
     */
    private int store(List<LogEntry> entries) throws IOException {
        List<String> json = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            json.add(json(entry));
        }
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
