package dev.rootline.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.MonitoredResource;
import com.google.logging.type.HttpRequest;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.LogEntryOperation;
import com.google.logging.v2.LogEntrySourceLocation;
import com.google.logging.v2.LogSplit;
import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

class LogEntryJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aTextEntryReadsAsProtobufPrintsIt() throws Exception {
        LogEntry entry =
                LoggingEntries.run("checkout", "t", java.time.Instant.parse("2026-03-02T10:00:00.123456Z"), 1)
                        .get(0)
                        .toBuilder()
                        .setTrace("projects/p/traces/abc")
                        .setSpanId("00f1")
                        .setTraceSampled(true)
                        .build();
        assertSameAsProtobuf(entry);
    }

    @Test
    void aJsonPayloadWithEveryKindOfValueAndTheRarerFieldsReadAsProtobufPrintsThem() throws Exception {
        Struct nested = Struct.newBuilder()
                .putFields("code", Value.newBuilder().setNumberValue(3).build())
                .putFields("ratio", Value.newBuilder().setNumberValue(0.25).build())
                .build();
        LogEntry entry = LogEntry.newBuilder()
                .setLogName("projects/p/logs/run.googleapis.com%2Frequests")
                .setResource(MonitoredResource.newBuilder()
                        .setType("cloud_run_revision")
                        .putLabels("service_name", "s"))
                .setTimestamp(Timestamp.newBuilder().setSeconds(1_772_445_600).setNanos(5))
                .setSeverity(LogSeverity.ERROR)
                .setInsertId("j-1")
                .setJsonPayload(Struct.newBuilder()
                        .putFields(
                                "message",
                                Value.newBuilder()
                                        .setStringValue("quote \" and é \u2028 line")
                                        .build())
                        .putFields("ok", Value.newBuilder().setBoolValue(false).build())
                        .putFields(
                                "none",
                                Value.newBuilder()
                                        .setNullValue(NullValue.NULL_VALUE)
                                        .build())
                        .putFields(
                                "detail",
                                Value.newBuilder().setStructValue(nested).build())
                        .putFields(
                                "list",
                                Value.newBuilder()
                                        .setListValue(ListValue.newBuilder()
                                                .addValues(Value.newBuilder().setStringValue("a"))
                                                .addValues(Value.newBuilder().setNumberValue(1e21)))
                                        .build()))
                .setHttpRequest(HttpRequest.newBuilder()
                        .setRequestMethod("GET")
                        .setRequestUrl("https://x/y")
                        .setStatus(503)
                        .setLatency(com.google.protobuf.Duration.newBuilder().setNanos(1_500_000)))
                .setOperation(LogEntryOperation.newBuilder().setId("op").setFirst(true))
                .setSourceLocation(
                        LogEntrySourceLocation.newBuilder().setFile("app.py").setLine(42))
                .setSplit(LogSplit.newBuilder().setUid("u").setIndex(1).setTotalSplits(2))
                .build();
        assertSameAsProtobuf(entry);
    }

    @Test
    void aProtoPayloadOfATypeThisBuildDoesNotKnowIsLeftOut() throws Exception {
        LogEntry entry = LogEntry.newBuilder()
                .setInsertId("p-1")
                .setProtoPayload(Any.newBuilder()
                        .setTypeUrl("type.googleapis.com/google.cloud.audit.AuditLog")
                        .setValue(com.google.protobuf.ByteString.copyFromUtf8("\n\u0003abc")))
                .build();
        assertThat(MAPPER.readTree(LogEntryJson.write(entry))).isEqualTo(MAPPER.readTree("{\"insertId\":\"p-1\"}"));
    }

    @Test
    void everyFieldOfLogEntryIsWritten() {
        assertThat(LogEntry.getDescriptor().getFields())
                .extracting(f -> f.getJsonName())
                .as("LogEntryJson writes these fields; a new one must be added to it")
                .containsExactlyInAnyOrder(
                        "logName",
                        "resource",
                        "protoPayload",
                        "textPayload",
                        "jsonPayload",
                        "timestamp",
                        "receiveTimestamp",
                        "severity",
                        "insertId",
                        "httpRequest",
                        "labels",
                        "operation",
                        "trace",
                        "spanId",
                        "traceSampled",
                        "sourceLocation",
                        "split");
    }

    private static void assertSameAsProtobuf(LogEntry entry) throws Exception {
        assertThat(MAPPER.readTree(LogEntryJson.write(entry)))
                .isEqualTo(MAPPER.readTree(JsonFormat.printer().print(entry)));
    }
}
