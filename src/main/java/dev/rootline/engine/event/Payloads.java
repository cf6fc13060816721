package dev.rootline.engine.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every input shape README lists into LogEvents, one per LogEntry: a single LogEntry, a JSON array
 * ({@code gcloud logging read --format=json}), {@code {"entries":[...]}}, NDJSON, and Pub/Sub push envelopes.
 * All or nothing: the first bad entry fails the whole payload, naming its index.
 */
public final class Payloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {}

    /** @param nowNanos event time for entries that carry no timestamp at all */
    public static List<LogEvent> read(byte[] body, long nowNanos) throws InvalidEntryException {
        return read(ChunkedBytes.of(body), nowNanos);
    }

    /** @param nowNanos event time for entries that carry no timestamp at all */
    public static List<LogEvent> read(ChunkedBytes body, long nowNanos) throws InvalidEntryException {
        requireUtf8(body.head(4));
        List<LogEvent> events = new ArrayList<>();
        Batch batch = new Batch(nowNanos);
        try (JsonParser p = MAPPER.createParser(body.stream())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidEntryException("the body is empty");
            }
            if (first == JsonToken.START_ARRAY) {
                readArray(p, body, batch, events);
                if (p.nextToken() != null) {
                    throw new InvalidEntryException(events.size(), "unexpected content after the array");
                }
                return events;
            }
            for (JsonToken t = first; t != null; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidEntryException(events.size(), "expected a JSON object or array, found " + t);
                }
                readTopLevelObject(p, batch, events);
            }
            return events;
        } catch (JsonProcessingException e) {
            throw new InvalidEntryException(events.size(), "malformed JSON: " + e.getOriginalMessage() + where(e));
        } catch (IOException e) {
            // reading bytes held in memory fails only on what they hold: bytes that are no text
            throw new InvalidEntryException(events.size(), "unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * JSON may be UTF-16 or UTF-32 too, which the parser would read; but entries are stored and replayed as the
     * bytes they came as, which every later reader takes for UTF-8. So only UTF-8 is accepted: it is what the
     * Logging API, gcloud and Pub/Sub send.
     */
    private static void requireUtf8(byte[] head) throws InvalidEntryException {
        boolean bom16 = head.length >= 2
                && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                        || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE);
        for (byte b : head) {
            if (b == 0 || bom16) {
                throw new InvalidEntryException(
                        "the body is not UTF-8 (it looks like UTF-16 or UTF-32): send UTF-8 JSON");
            }
        }
    }

    /** Where a parse failed; nothing when the parser could not say (a limit it enforces, not a place in the text). */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    /**
     * Reads a Pub/Sub push envelope ({@code {"message":{"data":...}}}) or, for an unwrapped subscription, the
     * LogEntry itself.
     */
    public static List<LogEvent> readPush(byte[] body, boolean wrapped, long nowNanos) throws InvalidEntryException {
        if (!wrapped) {
            return read(body, nowNanos);
        }
        requireUtf8(Arrays.copyOf(body, Math.min(4, body.length)));
        JsonNode envelope;
        try {
            envelope = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidEntryException(0, "malformed JSON: " + e.getMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new InvalidEntryException(0, "a Pub/Sub push body must be a JSON object");
        }
        return read(pushData(envelope), nowNanos);
    }

    /**
     * What the entries of one payload share: the time of arrival, and their scopes, one object per distinct scope.
     * A batch comes from a few instances, and what follows (the index, correlation's grouping, the database's
     * parameters) then reads each scope's strings once, not once per entry.
     */
    private record Batch(long nowNanos, Map<Scope, Scope> scopes) {
        Batch(long nowNanos) {
            this(nowNanos, new HashMap<>());
        }
    }

    private static void readArray(JsonParser p, ChunkedBytes body, Batch batch, List<LogEvent> into)
            throws IOException, InvalidEntryException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            int index = into.size();
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidEntryException(index, "entry is not a JSON object but " + t);
            }
            long start = p.currentTokenLocation().getByteOffset();
            EntryFields fields = readFields(p, index);
            fields.raw = body.copy(start, p.currentLocation().getByteOffset());
            into.add(normalise(fields, batch, index));
        }
    }

    private static void readTopLevelObject(JsonParser p, Batch batch, List<LogEvent> into)
            throws IOException, InvalidEntryException {
        JsonNode node = MAPPER.readTree(p);
        if (node.has("entries") && node.get("entries").isArray() && !node.has("logName")) {
            for (JsonNode entry : node.get("entries")) {
                readTreeEntry(entry, batch, into);
            }
        } else if (node.has("message") && node.get("message").isObject() && node.has("subscription")) {
            for (LogEvent event : read(pushData(node), batch.nowNanos())) {
                into.add(event);
            }
        } else {
            readTreeEntry(node, batch, into);
        }
    }

    private static void readTreeEntry(JsonNode entry, Batch batch, List<LogEvent> into)
            throws IOException, InvalidEntryException {
        int index = into.size();
        if (!entry.isObject()) {
            throw new InvalidEntryException(index, "entry is not a JSON object");
        }
        try (JsonParser p = entry.traverse(MAPPER)) {
            p.nextToken();
            EntryFields fields = readFields(p, index);
            fields.raw = MAPPER.writeValueAsBytes(entry);
            into.add(normalise(fields, batch, index));
        }
    }

    private static EntryFields readFields(JsonParser p, int index) throws IOException, InvalidEntryException {
        try {
            return LogEntryReader.read(p);
        } catch (InvalidEntryException e) {
            throw e.at(index);
        }
    }

    private static LogEvent normalise(EntryFields fields, Batch batch, int index) throws InvalidEntryException {
        try {
            return Normaliser.normalise(
                    fields, batch.nowNanos(), scope -> batch.scopes().computeIfAbsent(scope, s -> s));
        } catch (InvalidEntryException e) {
            throw e.at(index);
        }
    }

    private static byte[] pushData(JsonNode envelope) throws InvalidEntryException {
        JsonNode message = envelope.get("message");
        if (message == null || !message.isObject()) {
            throw new InvalidEntryException(0, "the Pub/Sub envelope has no message");
        }
        JsonNode data = message.get("data");
        if (data == null || !data.isTextual()) {
            throw new InvalidEntryException(0, "the Pub/Sub message has no data");
        }
        try {
            String text = data.asText().replaceAll("\\s", "").replace('-', '+').replace('_', '/');
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException(0, "message.data is not valid base64: " + e.getMessage());
        }
    }
}
