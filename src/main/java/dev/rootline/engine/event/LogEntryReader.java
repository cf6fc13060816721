package dev.rootline.engine.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streams one LogEntry object into {@link EntryFields}, reading only what normalisation needs and skipping the
 * rest, so unknown fields ({@code errorGroups}, {@code apphub}) pass through untouched in the original bytes.
 * Field types are checked: a LogEntry with {@code "timestamp": 12} is rejected, not guessed at.
 */
final class LogEntryReader {

    private LogEntryReader() {
    }

    /** Reads the object at the parser's current START_OBJECT token, leaving the parser on its END_OBJECT. */
    static EntryFields read(JsonParser p) throws IOException, InvalidEntryException {
        EntryFields f = new EntryFields();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue; // proto3 JSON: null means absent
            }
            switch (name) {
                case "insertId" -> f.insertId = string(p, name);
                case "logName" -> f.logName = string(p, name);
                case "timestamp" -> f.timestamp = string(p, name);
                case "receiveTimestamp" -> f.receiveTimestamp = string(p, name);
                case "severity" -> f.severity = severity(p);
                case "textPayload" -> f.textPayload = string(p, name);
                case "jsonPayload" -> {
                    expectObject(value, name);
                    readPayloadFields(p, f.json);
                }
                case "protoPayload" -> readProtoPayload(p, f);
                case "httpRequest" -> readHttpRequest(p, f);
                case "resource" -> readResource(p, f);
                case "labels" -> f.labels = stringMap(p, name, ScopeResolver.ENTRY_LABELS);
                default -> {
                    p.skipChildren();
                    continue;
                }
            }
            f.knownFieldSeen = true;
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new InvalidEntryException("expected a field name, found " + p.currentToken());
        }
        return f;
    }

    /** Reads the message and level keys of a structured payload; the parser is on its START_OBJECT. */
    static void readPayloadFields(JsonParser p, EntryFields.PayloadFields into) throws IOException {
        into.present = true;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                p.skipChildren();
                continue;
            }
            // loggers often repeat the message under several keys: read only the one that will be used
            switch (name) {
                case "message" -> into.message = p.getText();
                case "msg" -> into.msg = into.message == null ? p.getText() : null;
                case "textPayload" -> into.textPayload = into.message == null && into.msg == null ? p.getText() : null;
                case "severity" -> into.severity = p.getText();
                case "level" -> into.level = p.getText();
                case "levelname" -> into.levelname = p.getText();
                default -> { }
            }
        }
    }

    private static void readProtoPayload(JsonParser p, EntryFields f) throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), "protoPayload");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("status") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean message = p.currentName().equals("message");
                    if (p.nextToken() == JsonToken.VALUE_STRING && message) {
                        f.protoStatusMessage = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (name.equals("methodName") && value == JsonToken.VALUE_STRING) {
                f.protoMethodName = p.getText();
            } else if (name.equals("resourceName") && value == JsonToken.VALUE_STRING) {
                f.protoResourceName = p.getText();
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readHttpRequest(JsonParser p, EntryFields f) throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), "httpRequest");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "requestMethod" -> f.httpMethod = string(p, "httpRequest.requestMethod");
                case "requestUrl" -> f.httpUrl = string(p, "httpRequest.requestUrl");
                case "latency" -> f.httpLatency = string(p, "httpRequest.latency");
                case "status" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_STRING) {
                        throw new InvalidEntryException("httpRequest.status must be a number, found " + value);
                    }
                    f.httpStatus = p.getText();
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readResource(JsonParser p, EntryFields f) throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), "resource");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type" -> f.resourceType = string(p, "resource.type");
                case "labels" -> f.resourceLabels = stringMap(p, "resource.labels", ScopeResolver.RESOURCE_LABELS);
                default -> p.skipChildren();
            }
        }
    }

    private static Severity severity(JsonParser p) throws IOException, InvalidEntryException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String name = p.getText();
            return Severity.ofLogSeverity(name)
                    .orElseThrow(() -> new InvalidEntryException("severity '" + name + "' is not a LogSeverity"));
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            int number = p.getIntValue();
            return Severity.ofNumber(number)
                    .orElseThrow(() -> new InvalidEntryException("severity " + number + " is not a LogSeverity"));
        }
        throw new InvalidEntryException("severity must be a string, found " + t);
    }

    /** Reads a map of string labels, keeping only the keys asked for: the rest stay unread in the raw entry. */
    private static Map<String, String> stringMap(JsonParser p, String field, Set<String> wanted)
            throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), field);
        Map<String, String> map = new HashMap<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue()) {
                throw new InvalidEntryException(field + "." + key + " must be a string, found " + value);
            }
            if (wanted.contains(key)) {
                map.put(key, p.getText());
            }
        }
        return map;
    }

    private static String string(JsonParser p, String field) throws IOException, InvalidEntryException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new InvalidEntryException(field + " must be a string, found " + t);
        }
        return p.getText();
    }

    private static void expectObject(JsonToken t, String field) throws InvalidEntryException {
        if (t != JsonToken.START_OBJECT) {
            throw new InvalidEntryException(field + " must be an object, found " + t);
        }
    }
}
