package dev.rootline.engine.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams one LogEntry object into {@link EntryFields}, reading only what normalisation needs and skipping the
 * rest, so unknown fields ({@code errorGroups}, {@code apphub}) pass through untouched in the original bytes.
 * Field types are checked, of the fields read and of the other LogEntry fields alike: a LogEntry with
 * {@code "timestamp": 12} or {@code "traceSampled": "yes"} is rejected naming the field, not guessed at.
 */
final class LogEntryReader {

    /** The JSON types of LogEntry fields that are type-checked though not read. */
    private enum FieldType {
        STRING,
        BOOL,
        INT64,
        ANY
    }

    private static final Map<String, FieldType> HTTP_REQUEST = Map.ofEntries(
            Map.entry("requestSize", FieldType.INT64),
            Map.entry("responseSize", FieldType.INT64),
            Map.entry("cacheFillBytes", FieldType.INT64),
            Map.entry("userAgent", FieldType.STRING),
            Map.entry("remoteIp", FieldType.STRING),
            Map.entry("serverIp", FieldType.STRING),
            Map.entry("referer", FieldType.STRING),
            Map.entry("protocol", FieldType.STRING),
            Map.entry("cacheLookup", FieldType.BOOL),
            Map.entry("cacheHit", FieldType.BOOL),
            Map.entry("cacheValidatedWithOriginServer", FieldType.BOOL));
    private static final Map<String, FieldType> OPERATION = Map.of(
            "id", FieldType.STRING, "producer", FieldType.STRING, "first", FieldType.BOOL, "last", FieldType.BOOL);
    private static final Map<String, FieldType> SOURCE_LOCATION =
            Map.of("file", FieldType.STRING, "line", FieldType.INT64, "function", FieldType.STRING);
    private static final Map<String, FieldType> SPLIT =
            Map.of("uid", FieldType.STRING, "index", FieldType.INT64, "totalSplits", FieldType.INT64);
    private static final long NULL_NUMBER = Long.MIN_VALUE;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DURATION = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,9})?s");

    private LogEntryReader() {}

    /** Reads the object at the parser's current START_OBJECT token, leaving the parser on its END_OBJECT. */
    static EntryFields read(JsonParser p) throws IOException, InvalidEntryException {
        EntryFields f = new EntryFields();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue; // proto3 JSON: null means absent
            }
            switch (name) {
                case "insertId" -> f.insertId = Identifiers.check(name, string(p, name));
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
                case "trace", "spanId" -> string(p, name);
                case "traceSampled" -> bool(p, name);
                case "operation" -> typedObject(p, name, OPERATION);
                case "sourceLocation" -> typedObject(p, name, SOURCE_LOCATION);
                case "split" -> typedObject(p, name, SPLIT);
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
                default -> {}
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
            p.nextToken();
            String field = "httpRequest." + name;
            switch (name) {
                case "requestMethod" -> f.httpMethod = string(p, field);
                case "requestUrl" -> f.httpUrl = string(p, field);
                case "latency" -> f.httpLatency = duration(p, field);
                case "status" -> {
                    long status = int64(p, field);
                    if (status != NULL_NUMBER && (status < 0 || status > 999)) {
                        throw new InvalidEntryException(field + " must be an HTTP status code, found " + status);
                    }
                    f.httpStatus = status == NULL_NUMBER ? null : Long.toString(status);
                }
                default -> checkType(p, field, HTTP_REQUEST.getOrDefault(name, FieldType.ANY));
            }
        }
    }

    /** An object whose known fields must have their types; unknown ones pass. */
    private static void typedObject(JsonParser p, String field, Map<String, FieldType> types)
            throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), field);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            checkType(p, field + "." + name, types.getOrDefault(name, FieldType.ANY));
        }
    }

    private static void checkType(JsonParser p, String field, FieldType type)
            throws IOException, InvalidEntryException {
        switch (type) {
            case STRING -> string(p, field);
            case BOOL -> bool(p, field);
            case INT64 -> int64(p, field);
            case ANY -> p.skipChildren();
        }
    }

    private static void bool(JsonParser p, String field) throws InvalidEntryException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) {
            throw new InvalidEntryException(field + " must be true or false, found " + t);
        }
    }

    /** A proto3 JSON int64: a number, or a string of digits; {@link #NULL_NUMBER} for null. */
    private static long int64(JsonParser p, String field) throws IOException, InvalidEntryException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return NULL_NUMBER;
        }
        try {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING && INTEGER.matcher(p.getText()).matches()) {
                return Long.parseLong(p.getText());
            }
        } catch (IOException | NumberFormatException e) {
            // out of range: refused below
        }
        throw new InvalidEntryException(field + " must be an integer, found " + describe(p));
    }

    /** A proto3 JSON Duration: seconds with up to nine decimals and an {@code s}, e.g. {@code "0.015s"}. */
    private static String duration(JsonParser p, String field) throws IOException, InvalidEntryException {
        String text = string(p, field);
        if (text != null && !DURATION.matcher(text).matches()) {
            throw new InvalidEntryException(
                    field + " must be a duration such as \"1.5s\", found \"" + clip(text) + "\"");
        }
        return text;
    }

    private static String describe(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING
                ? "\"" + clip(p.getText()) + "\""
                : p.currentToken().toString();
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static void readResource(JsonParser p, EntryFields f) throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), "resource");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type" ->
                    f.resourceType = Identifiers.check(
                            "resource.type", string(p, "resource.type"), Identifiers.MAX_RESOURCE_TYPE);
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

    /**
     * Reads a map of string labels, keeping only the keys asked for: the rest stay unread in the raw entry, and no
     * label's name is spelled out unless it is wrong (every entry has several).
     */
    private static Map<String, String> stringMap(JsonParser p, String field, Set<String> wanted)
            throws IOException, InvalidEntryException {
        expectObject(p.currentToken(), field);
        Map<String, String> map = new HashMap<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                throw notAString(field + "." + key, t);
            }
            if (t == JsonToken.VALUE_STRING && wanted.contains(key)) {
                map.put(key, Identifiers.checkLabel(field, key, p.getText()));
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
            throw notAString(field, t);
        }
        return p.getText();
    }

    private static InvalidEntryException notAString(String field, JsonToken found) {
        return new InvalidEntryException(field + " must be a string, found " + found);
    }

    private static void expectObject(JsonToken t, String field) throws InvalidEntryException {
        if (t != JsonToken.START_OBJECT) {
            throw new InvalidEntryException(field + " must be an object, found " + t);
        }
    }
}
