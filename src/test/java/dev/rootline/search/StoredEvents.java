package dev.rootline.search;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events for the log store's tests, and for ingest's that run it. */
public final class StoredEvents {

    private StoredEvents() {}

    /** A real LogEntry through the real parser, so that replaying its original JSON gives the same event. */
    public static LogEvent event(String insertId, long time, String instance, Severity severity, String message) {
        String json = """
                {"insertId":"%s","timestamp":"%s","severity":"%s","textPayload":"%s","logName":"projects/p/logs/stderr",
                 "labels":{"instanceId":"%s"},"resource":{"type":"cloud_run_revision",
                 "labels":{"service_name":"svc-%s","revision_name":"rev-1"}}}""".formatted(
                        insertId, Instant.ofEpochSecond(0, time), severity, message, instance, instance.charAt(0));
        try {
            return Payloads.read(json.getBytes(StandardCharsets.UTF_8), Entries.NOW)
                    .get(0);
        } catch (InvalidEntryException e) {
            throw new AssertionError(e);
        }
    }

    /** Events as ingest hands them to the store when they match no signature. */
    public static List<LogStore.StoredEvent> unmatched(List<LogEvent> events) {
        return events.stream().map(e -> new LogStore.StoredEvent(e, List.of())).toList();
    }

    /** Every entry, newest first, up to {@code limit}; a text query when given. */
    public static SearchQuery query(String text, int limit, String cursor) {
        return new SearchQuery(
                Optional.ofNullable(text),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                limit,
                Optional.ofNullable(cursor));
    }
}
