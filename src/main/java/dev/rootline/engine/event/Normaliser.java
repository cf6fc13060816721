package dev.rootline.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/** Turns the fields of one LogEntry into a {@link LogEvent}, as docs/architecture.md, "Life of a batch", describes. */
final class Normaliser {

    private static final JsonFactory JSON = new JsonFactory();
    /** Cloud Logging refuses entries timed more than a day ahead; so does Rootline. */
    private static final long MAX_FUTURE_NANOS = 86_400_000_000_000L;

    private Normaliser() {}

    /**
     * @param nowNanos the event time for an entry that has neither timestamp nor receiveTimestamp
     * @param shared   the one object for a scope equal to the given one
     */
    static LogEvent normalise(EntryFields f, long nowNanos, UnaryOperator<Scope> shared) throws InvalidEntryException {
        if (!f.knownFieldSeen) {
            throw new InvalidEntryException("not a LogEntry: it has none of the LogEntry fields");
        }
        long time = eventTime(f, nowNanos);
        String logName = f.logName == null ? "" : f.logName;
        EntryFields.PayloadFields printed = jsonPrintedAsText(f.textPayload);
        String message = MessageText.clean(message(f, printed));
        Severity severity = severity(f, printed, message);
        Scope scope = shared.apply(checked(ScopeResolver.resolve(f.resourceType, f.resourceLabels, f.labels)));
        String key = f.insertId != null && !f.insertId.isEmpty()
                ? EntryKeys.ofIdentity(logName, time, f.insertId)
                : EntryKeys.ofContent(
                        logName,
                        f.timestamp == null ? Long.MIN_VALUE : time,
                        scope.resourceType() + scope.service() + scope.version() + scope.instance(),
                        severity.name(),
                        message);
        return new LogEvent(
                key,
                List.of(key),
                f.insertId == null ? "" : f.insertId,
                logName,
                time,
                severity,
                message,
                scope,
                List.of(f.raw));
    }

    /** Labels that fit one by one can still make a service name that does not ({@code namespace/container}). */
    private static Scope checked(Scope scope) throws InvalidEntryException {
        Identifiers.check("resource.labels namespace_name/container_name", scope.service());
        return scope;
    }

    /** The entry's timestamp, else its receiveTimestamp, else now; whichever is present must be a real time. */
    private static long eventTime(EntryFields f, long nowNanos) throws InvalidEntryException {
        Long timestamp = time("timestamp", f.timestamp, nowNanos);
        Long received = time("receiveTimestamp", f.receiveTimestamp, nowNanos);
        return timestamp != null ? timestamp : received != null ? received : nowNanos;
    }

    private static Long time(String field, String text, long nowNanos) throws InvalidEntryException {
        if (text == null) {
            return null;
        }
        long nanos;
        try {
            nanos = Timestamps.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException(field + ": " + e.getMessage());
        }
        if (nanos < 0 || nanos > nowNanos + MAX_FUTURE_NANOS) {
            throw new InvalidEntryException(field + ": " + text + " is before 1970 or more than a day ahead of now");
        }
        return nanos;
    }

    private static String message(EntryFields f, EntryFields.PayloadFields printed) {
        if (f.textPayload != null) {
            return printed != null && printed.firstMessage() != null ? printed.firstMessage() : f.textPayload;
        }
        if (f.json.present && f.json.firstMessage() != null) {
            return f.json.firstMessage();
        }
        if (f.protoStatusMessage != null) {
            return f.protoStatusMessage;
        }
        if (f.httpStatus != null || f.httpUrl != null) {
            return httpSummary(f);
        }
        if (f.protoMethodName != null) {
            return f.protoResourceName == null ? f.protoMethodName : f.protoMethodName + " " + f.protoResourceName;
        }
        return "";
    }

    private static Severity severity(EntryFields f, EntryFields.PayloadFields printed, String message) {
        if (f.severity != null && f.severity != Severity.DEFAULT) {
            return f.severity;
        }
        for (EntryFields.PayloadFields structured : new EntryFields.PayloadFields[] {printed, f.json}) {
            if (structured != null && structured.firstLevel() != null) {
                var level = Severity.ofLoggerLevel(structured.firstLevel());
                if (level.isPresent()) {
                    return level.get();
                }
            }
        }
        return MessageText.levelToken(message).orElse(Severity.DEFAULT);
    }

    /** {@code GET /health 503 37.9s}: what an engineer reads off a request log line. */
    private static String httpSummary(EntryFields f) {
        StringBuilder s = new StringBuilder();
        if (f.httpMethod != null) {
            s.append(f.httpMethod).append(' ');
        }
        if (f.httpUrl != null) {
            s.append(pathOf(f.httpUrl)).append(' ');
        }
        if (f.httpStatus != null) {
            s.append(f.httpStatus).append(' ');
        }
        if (f.httpLatency != null) {
            s.append(f.httpLatency);
        }
        return s.toString().strip();
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            return path == null || path.isEmpty() ? url : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Structured loggers that print JSON to stdout: Cloud Run keeps it as text when it is not one object per line. */
    private static EntryFields.PayloadFields jsonPrintedAsText(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return null;
        }
        EntryFields.PayloadFields fields = new EntryFields.PayloadFields();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            LogEntryReader.readPayloadFields(p, fields);
            return p.nextToken() == null ? fields : null;
        } catch (IOException e) {
            return null;
        }
    }
}
