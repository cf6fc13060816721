package dev.rootline.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadsTest {

    private static final long NOW = Timestamps.nanos(Instant.parse("2026-01-01T00:00:00Z"));

    private static List<LogEvent> read(String json) throws InvalidEntryException {
        return Payloads.read(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static LogEvent one(String json) throws InvalidEntryException {
        List<LogEvent> events = read(json);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static final String A = Entries.stderr("a1", "2025-09-16T00:41:13.084505Z", "i-1", "first");
    private static final String B = Entries.stderr("b2", "2025-09-16T00:41:14Z", "i-1", "second");

    @Test
    void entriesOfOnePayloadFromOneInstanceShareTheirScope() throws Exception {
        String other = Entries.stderr("c3", "2025-09-16T00:41:15Z", "i-2", "third");
        List<LogEvent> events = read("[" + A + "," + B + "," + other + "]");

        assertThat(events.get(1).scope()).isSameAs(events.get(0).scope());
        assertThat(events.get(2).scope())
                .isNotSameAs(events.get(0).scope())
                .extracting(Scope::instance)
                .isEqualTo("i-2");
    }

    @Test
    void everyShapeYieldsTheSameEvents() throws Exception {
        List<String> keys =
                read("[" + A + "," + B + "]").stream().map(LogEvent::key).toList();
        String envelope = "{\"subscription\":\"projects/p/subscriptions/s\",\"message\":{\"data\":\""
                + Base64.getEncoder().encodeToString(A.getBytes(StandardCharsets.UTF_8)) + "\",\"messageId\":\"1\"}}";

        assertThat(read("{\"entries\":[" + A + "," + B + "]}"))
                .extracting(LogEvent::key)
                .isEqualTo(keys);
        assertThat(read(A.replace("\n", " ") + "\n" + B.replace("\n", " ") + "\n"))
                .extracting(LogEvent::key)
                .isEqualTo(keys);
        assertThat(one(A).key()).isEqualTo(keys.get(0));
        assertThat(one(envelope).key()).isEqualTo(keys.get(0));
    }

    @Test
    void keepsTheOriginalEntryBytesWithUnknownFields() throws Exception {
        String entry =
                "{\"textPayload\":\"x\",\"errorGroups\":[{\"id\":\"g1\"}],\"timestamp\":\"2025-01-01T00:00:00Z\"}";
        LogEvent event = one("[" + entry + "]");
        assertThat(new String(event.entries().get(0), StandardCharsets.UTF_8)).isEqualTo(entry);
    }

    @Test
    void normalisesACloudRunStderrLine() throws Exception {
        LogEvent e = one(Entries.stderr(
                "x",
                "2025-09-16T00:41:13.466706Z",
                "inst-7",
                "[2025-09-16 00:41:13 +0000] [13] [ERROR] Shutting down: Master"));
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.scope())
                .isEqualTo(new Scope(
                        "cloud_run_revision", "p", "europe-west1", "checkout", "checkout-00042-abc", "inst-7"));
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-09-16T00:41:13.466706Z"));
        assertThat(e.insertId()).isEqualTo("x");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2025-09-07 18:55:19 - shared.config - ERROR - DATABASE_HOST validation failed | ERROR",
                "[2025-09-16 00:41:17 +0000] [12] [INFO] Starting gunicorn 23.0.0 | INFO",
                "ERROR:    Application startup failed. Exiting. | ERROR",
                "WARNING:  OAuth redirect mismatch | WARNING",
                "CRITICAL - the pool is gone | DEFAULT",
                "Container called exit(3). | DEFAULT",
                "request failed with ERROR code in body | DEFAULT"
            })
    void readsTheLevelFromTheTextWhenTheEntryHasNone(String text, Severity expected) throws Exception {
        assertThat(one(Entries.stderr("s", "2025-01-01T00:00:00Z", "i", text)).severity())
                .isEqualTo(expected);
    }

    @Test
    void theEntrysOwnSeverityWins() throws Exception {
        LogEvent e = one(
                "{\"severity\":\"WARNING\",\"textPayload\":\"[ERROR] boom\",\"timestamp\":\"2025-01-01T00:00:00Z\"}");
        assertThat(e.severity()).isEqualTo(Severity.WARNING);
        assertThat(one("{\"severity\":500,\"textPayload\":\"x\"}").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void takesMessageAndLevelFromJsonPayload() throws Exception {
        LogEvent e = one(
                "{\"jsonPayload\":{\"msg\":\"pool exhausted\",\"levelname\":\"error\",\"error\":{\"message\":\"Missing field\"}}}");
        assertThat(e.message()).isEqualTo("pool exhausted");
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(one("{\"jsonPayload\":{\"message\":\"m\",\"msg\":\"n\"}}").message())
                .isEqualTo("m");
        assertThat(one("{\"jsonPayload\":{\"textPayload\":\"t\"}}").message()).isEqualTo("t");
    }

    @Test
    void readsJsonThatALoggerPrintedAsText() throws Exception {
        LogEvent e = one(
                Entries.stderr(
                        "j",
                        "2025-01-01T00:00:00Z",
                        "i",
                        "{\"message\": \"Database initialization timeout\", \"severity\": \"CRITICAL\", \"labels\": {\"line\": \"1017\"}}"));
        assertThat(e.message()).isEqualTo("Database initialization timeout");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void fallsBackToAuditStatusThenToTheHttpRequest() throws Exception {
        assertThat(one("{\"protoPayload\":{\"status\":{\"message\":\"repair\"},\"methodName\":\"m\"}}")
                        .message())
                .isEqualTo("repair");
        assertThat(one("{\"protoPayload\":{\"methodName\":\"compute.instances.insert\",\"resourceName\":\"vm-1\"}}")
                        .message())
                .isEqualTo("compute.instances.insert vm-1");
        LogEvent request = one("{\"severity\":\"ERROR\",\"httpRequest\":{\"requestMethod\":\"GET\","
                + "\"requestUrl\":\"https://api.example.com/health?x=1\",\"status\":503,\"latency\":\"37.9s\"}}");
        assertThat(request.message()).isEqualTo("GET /health 503 37.9s");
    }

    @Test
    void cleansAnsiColoursBlanksAndLiteralNewlines() throws Exception {
        LogEvent e = one(Entries.stderr("c", "2025-01-01T00:00:00Z", "i", "   \u001b[31mfailed\u001b[0m:\\ndetail  "));
        assertThat(e.message()).isEqualTo("failed:\ndetail");
    }

    @ParameterizedTest
    @CsvSource({
        "2025-09-16T00:41:13Z, 1757983273000000000",
        "2025-09-16T00:41:13.084Z, 1757983273084000000",
        "2025-09-16T00:41:13.084505Z, 1757983273084505000",
        "2025-09-16T00:41:13.084505123Z, 1757983273084505123",
        "2025-09-16T02:41:13.5+02:00, 1757983273500000000"
    })
    void readsTimestampsWithAnyPrecision(String timestamp, long nanos) throws Exception {
        assertThat(one("{\"textPayload\":\"t\",\"timestamp\":\"" + timestamp + "\"}")
                        .timeNanos())
                .isEqualTo(nanos);
    }

    @Test
    void usesReceiveTimestampThenNowWhenTheEntryHasNoTimestamp() throws Exception {
        assertThat(one("{\"textPayload\":\"t\",\"receiveTimestamp\":\"2025-01-01T00:00:01Z\"}")
                        .timestamp())
                .isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
        assertThat(one("{\"textPayload\":\"t\"}").timeNanos()).isEqualTo(NOW);
    }

    @Test
    void identityIsLogNameTimeAndInsertIdOrTheContent() throws Exception {
        String base = "{\"logName\":\"l\",\"insertId\":\"%s\",\"timestamp\":\"%s\",\"textPayload\":\"%s\"}";
        String key = one(base.formatted("i1", "2025-01-01T00:00:00Z", "a")).key();
        assertThat(one(base.formatted("i1", "2025-01-01T00:00:00.000Z", "other text"))
                        .key())
                .isEqualTo(key);
        assertThat(one(base.formatted("i2", "2025-01-01T00:00:00Z", "a")).key()).isNotEqualTo(key);
        assertThat(one(base.formatted("i1", "2025-01-01T00:00:01Z", "a")).key()).isNotEqualTo(key);

        String noId = "{\"logName\":\"l\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"textPayload\":\"%s\"}";
        assertThat(one(noId.formatted("a")).key())
                .isEqualTo(one(noId.formatted("a")).key())
                .isNotEqualTo(one(noId.formatted("b")).key());
    }

    @Test
    void resolvesTheScopeOfEveryResourceType() throws Exception {
        assertThat(scope(
                        "cloud_run_job",
                        "\"job_name\":\"etl\"",
                        "\"run.googleapis.com/execution_name\":\"etl-x1\",\"run.googleapis.com/task_index\":\"3\""))
                .isEqualTo(new Scope("cloud_run_job", "", "", "etl", "etl-x1", "3"));
        assertThat(scope(
                        "k8s_container",
                        "\"namespace_name\":\"shop\",\"container_name\":\"api\",\"pod_name\":\"api-7d9-x\"",
                        "\"k8s-pod/pod-template-hash\":\"7d9\""))
                .isEqualTo(new Scope("k8s_container", "", "", "shop/api", "7d9", "api-7d9-x"));
        assertThat(scope(
                        "k8s_container",
                        "\"namespace_name\":\"shop\",\"container_name\":\"api\",\"pod_name\":\"api-0\"",
                        ""))
                .extracting(Scope::version)
                .isEqualTo("api-0");
        assertThat(scope("gae_app", "\"module_id\":\"default\",\"version_id\":\"v3\"", ""))
                .isEqualTo(new Scope("gae_app", "", "", "default", "v3", ""));
        assertThat(scope("gce_instance", "\"instance_id\":\"123\",\"zone\":\"us-central1-a\"", ""))
                .isEqualTo(new Scope("gce_instance", "", "us-central1-a", "123", "", ""));
        assertThat(scope("generic_task", "", "\"service\":\"billing\",\"version\":\"7\""))
                .isEqualTo(new Scope("generic_task", "", "", "billing", "7", ""));
    }

    private static Scope scope(String type, String resourceLabels, String labels) throws Exception {
        return one("{\"textPayload\":\"t\",\"resource\":{\"type\":\"" + type + "\",\"labels\":{" + resourceLabels
                        + "}},\"labels\":{" + labels + "}}")
                .scope();
    }

    @Test
    void acceptsNullsAsAbsentFields() throws Exception {
        assertThat(one("{\"textPayload\":\"t\",\"httpRequest\":null,\"severity\":null}")
                        .severity())
                .isEqualTo(Severity.DEFAULT);
    }

    @Test
    void rejectsAPayloadNamingTheBadEntryAndTheReason() {
        assertRejected("[" + A + ",{\"timestamp\":12}]", 1, "timestamp must be a string");
        assertRejected("[" + A + "," + B + ",{\"foo\":1}]", 2, "not a LogEntry");
        assertRejected("[{\"textPayload\":{\"a\":1}}]", 0, "textPayload must be a string");
        assertRejected("[{\"jsonPayload\":\"text\"}]", 0, "jsonPayload must be an object");
        assertRejected("[{\"labels\":{\"a\":{\"b\":1}}}]", 0, "labels.a must be a string");
        assertRejected("[{\"severity\":\"LOUD\"}]", 0, "severity 'LOUD' is not a LogSeverity");
        assertRejected("[{\"timestamp\":\"yesterday\"}]", 0, "not an RFC 3339 timestamp");
        assertRejected("[" + A + ",{\"textPayload\":\"x\"", 1, "malformed JSON");
        assertRejected("[" + A + ", 7]", 1, "not a JSON object");
        assertRejected("\"just a string\"", 0, "expected a JSON object or array");
        assertRejected("  ", -1, "empty");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"textPayload\":\"x\",\"receiveTimestamp\":\"garbage\"}       | receiveTimestamp: 'garbage' is not",
                "{\"textPayload\":\"x\",\"timestamp\":\"0000-01-01T00:00:00Z\"}  | timestamp: 0000-01-01T00:00:00Z is before 1970",
                "{\"textPayload\":\"x\",\"timestamp\":\"9999-12-31T23:59:59Z\"}  | a day ahead of now",
                "{\"httpRequest\":{\"status\":\"garbage\"}}                    | httpRequest.status must be an integer",
                "{\"httpRequest\":{\"status\":70000}}                          | httpRequest.status must be an HTTP status",
                "{\"httpRequest\":{\"status\":1.5}}                            | httpRequest.status must be an integer",
                "{\"httpRequest\":{\"latency\":\"soon\"}}                       | httpRequest.latency must be a duration",
                "{\"httpRequest\":{\"responseSize\":[]}}                       | httpRequest.responseSize must be an integer",
                "{\"httpRequest\":{\"cacheHit\":\"yes\"}}                       | httpRequest.cacheHit must be true or false",
                "{\"textPayload\":\"x\",\"traceSampled\":1}                      | traceSampled must be true or false",
                "{\"textPayload\":\"x\",\"trace\":{}}                          | trace must be a string",
                "{\"textPayload\":\"x\",\"sourceLocation\":{\"line\":\"ten\"}}   | sourceLocation.line must be an integer",
                "{\"textPayload\":\"x\",\"operation\":{\"first\":\"no\"}}       | operation.first must be true or false",
                "{\"textPayload\":\"x\",\"split\":[]}                          | split must be an object",
                "{\"textPayload\":\"x\",\"labels\":{\"instanceId\":7}}          | labels.instanceId must be a string"
            })
    void rejectsKnownFieldsOfTheWrongTypeOrRangeNamingThem(String entry, String reason) {
        assertRejected("[" + entry + "]", 0, reason);
    }

    @Test
    void acceptsTheLogEntryFieldsItDoesNotReadWhenTheyAreWellTyped() throws Exception {
        LogEvent event = one(
                "{\"textPayload\":\"x\",\"timestamp\":\"2025-09-16T00:41:13Z\",\"trace\":\"t\","
                        + "\"traceSampled\":true,\"sourceLocation\":{\"file\":\"a.py\",\"line\":\"12\"},"
                        + "\"operation\":{\"id\":\"o\",\"last\":true},\"split\":{\"index\":1,\"totalSplits\":\"2\"},"
                        + "\"httpRequest\":{\"status\":\"503\",\"latency\":\"0.25s\",\"cacheHit\":false,\"requestSize\":\"12\"}}");
        assertThat(event.message()).isEqualTo("x");
    }

    @Test
    void idsAndNamesOverTheirLimitOrWithControlCharactersAreRefusedByName() {
        String longName = "s".repeat(Identifiers.MAX_LENGTH + 1);
        assertRejected(
                "[" + Entries.stderr("i".repeat(256), "2025-09-16T00:41:13Z", "i-1", "x") + "]",
                0,
                "insertId is 256 characters long; the limit is 255");
        assertRejected(
                "[" + Entries.stderr(longName, "r", "id", "2025-09-16T00:41:13Z", "i-1", "x") + "]",
                0,
                "resource.labels.service_name is 256 characters long");
        assertRejected(
                "[" + Entries.stderr("svc", longName, "id", "2025-09-16T00:41:13Z", "i-1", "x") + "]",
                0,
                "resource.labels.revision_name is 256");
        assertRejected(
                "[" + Entries.stderr("svc\\u0000", "r", "id", "2025-09-16T00:41:13Z", "i-1", "x") + "]",
                0,
                "resource.labels.service_name holds a control character (U+0000)");
        String k8s = "{\"textPayload\":\"x\",\"resource\":{\"type\":\"k8s_container\",\"labels\":{\"namespace_name\":\""
                + "n".repeat(200) + "\",\"container_name\":\"" + "c".repeat(200) + "\"}}}";
        assertRejected("[" + k8s + "]", 0, "resource.labels namespace_name/container_name is 401 characters long");
    }

    @Test
    void aNulInTheMessageIsReplacedNotStored() throws Exception {
        assertThat(one(Entries.stderr("n1", "2025-09-16T00:41:13Z", "i-1", "a\u0000b"))
                        .message())
                .isEqualTo("a\uFFFDb");
    }

    @Test
    void bodiesThatAreNotUtf8AreRefusedBeforeAnythingIsRead() {
        String json = "[" + A + "]";
        for (java.nio.charset.Charset charset : List.of(
                StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16,
                java.nio.charset.Charset.forName("UTF-32"))) {
            assertThatThrownBy(() -> Payloads.read(json.getBytes(charset), NOW))
                    .as(charset.name())
                    .hasMessageContaining("not UTF-8");
        }
    }

    @Test
    void parserLimitsAreRefusalsWithAReason() {
        String deep = "[{\"jsonPayload\":{\"a\":" + "[".repeat(1200) + "]".repeat(1200) + "}}]";
        assertRejected(deep, 0, "malformed JSON");
        String longKey = "[{\"" + "k".repeat(60_000) + "\":1,\"textPayload\":\"x\"}]";
        assertRejected(longKey, 0, "malformed JSON");
    }

    @Test
    void rejectsBadPushEnvelopes() {
        assertThatThrownBy(() -> Payloads.readPush("{\"subscription\":\"s\"}".getBytes(), true, NOW))
                .hasMessageContaining("has no message");
        assertThatThrownBy(() -> Payloads.readPush("{\"message\":{\"data\":\"%%%not base64\"}}".getBytes(), true, NOW))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> Payloads.readPush("{\"message\":{\"attributes\":{}}}".getBytes(), true, NOW))
                .hasMessageContaining("has no data");
    }

    private static void assertRejected(String payload, int index, String reason) {
        assertThatThrownBy(() -> read(payload)).isInstanceOfSatisfying(InvalidEntryException.class, e -> {
            assertThat(e.entryIndex()).isEqualTo(index);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
