package dev.rootline.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@code LogEntry} as the REST API writes it. The fields every entry has (names, resource, times, labels, the
 * text or JSON payload) are written with Jackson, several times faster than protobuf's {@link JsonFormat}, which
 * took half the pull's time; the rarer ones ({@code httpRequest}, {@code operation}, {@code protoPayload}...) are
 * printed by {@code JsonFormat}. A {@code protoPayload} of a type this build cannot print is left out.
 * {@code LogEntryJsonTest} fails should a new version of the API add a field this does not write.
 */
final class LogEntryJson {

    private static final JsonFactory JACKSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFormat.Printer PROTOBUF = JsonFormat.printer().omittingInsignificantWhitespace();

    private LogEntryJson() {}

    /** The UTF-8 JSON of the entry. */
    static byte[] write(LogEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JACKSON.createGenerator(out)) {
            json.writeStartObject();
            string(json, "logName", entry.getLogName());
            if (entry.hasResource()) {
                json.writeObjectFieldStart("resource");
                string(json, "type", entry.getResource().getType());
                map(json, "labels", entry.getResource().getLabelsMap());
                json.writeEndObject();
            }
            timestamp(json, "timestamp", entry.hasTimestamp(), entry.getTimestamp());
            timestamp(json, "receiveTimestamp", entry.hasReceiveTimestamp(), entry.getReceiveTimestamp());
            if (entry.getSeverityValue() != 0) {
                json.writeStringField("severity", entry.getSeverity().name());
            }
            string(json, "insertId", entry.getInsertId());
            map(json, "labels", entry.getLabelsMap());
            string(json, "trace", entry.getTrace());
            string(json, "spanId", entry.getSpanId());
            if (entry.getTraceSampled()) {
                json.writeBooleanField("traceSampled", true);
            }
            if (entry.hasTextPayload()) {
                json.writeStringField("textPayload", entry.getTextPayload());
            } else if (entry.hasJsonPayload()) {
                json.writeFieldName("jsonPayload");
                struct(json, entry.getJsonPayload());
            }
            rarerFields(json, entry);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void rarerFields(JsonGenerator json, LogEntry entry) throws IOException {
        if (!(entry.hasHttpRequest()
                || entry.hasOperation()
                || entry.hasSourceLocation()
                || entry.hasSplit()
                || entry.hasProtoPayload())) {
            return;
        }
        LogEntry.Builder rest = LogEntry.newBuilder();
        if (entry.hasHttpRequest()) {
            rest.setHttpRequest(entry.getHttpRequest());
        }
        if (entry.hasOperation()) {
            rest.setOperation(entry.getOperation());
        }
        if (entry.hasSourceLocation()) {
            rest.setSourceLocation(entry.getSourceLocation());
        }
        if (entry.hasSplit()) {
            rest.setSplit(entry.getSplit());
        }
        String printed = PROTOBUF.print(rest);
        if (entry.hasProtoPayload()) {
            try {
                printed = PROTOBUF.print(rest.setProtoPayload(entry.getProtoPayload()));
            } catch (InvalidProtocolBufferException unknownPayloadType) {
                // left out, as documented above
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields =
                        MAPPER.readTree(printed).fields();
                fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            json.writeFieldName(field.getKey());
            MAPPER.writeTree(json, field.getValue());
        }
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            json.writeStringField(name, value);
        }
    }

    private static void timestamp(JsonGenerator json, String name, boolean present, Timestamp t) throws IOException {
        if (present) {
            json.writeStringField(
                    name, Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString());
        }
    }

    private static void map(JsonGenerator json, String name, Map<String, String> map) throws IOException {
        if (!map.isEmpty()) {
            json.writeObjectFieldStart(name);
            for (Map.Entry<String, String> e : map.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }
    }

    private static void struct(JsonGenerator json, Struct struct) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Value> field : struct.getFieldsMap().entrySet()) {
            json.writeFieldName(field.getKey());
            value(json, field.getValue());
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Value value) throws IOException {
        switch (value.getKindCase()) {
            case STRUCT_VALUE -> struct(json, value.getStructValue());
            case LIST_VALUE -> list(json, value.getListValue());
            case STRING_VALUE -> json.writeString(value.getStringValue());
            case NUMBER_VALUE -> json.writeNumber(value.getNumberValue());
            case BOOL_VALUE -> json.writeBoolean(value.getBoolValue());
            default -> json.writeNull();
        }
    }

    private static void list(JsonGenerator json, ListValue list) throws IOException {
        json.writeStartArray();
        for (Value v : list.getValuesList()) {
            value(json, v);
        }
        json.writeEndArray();
    }
}
