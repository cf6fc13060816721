package dev.rootline.engine.event;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Builds LogEntry JSON for tests, in the shapes Cloud Run writes. */
public final class Entries {

    /** "Now" for tests that parse entries: after every timestamp of the fixtures and corpora, as arrival is. */
    public static final long NOW = Timestamps.nanos(java.time.Instant.parse("2026-12-01T00:00:00Z"));

    public static final String SERVICE = "checkout";
    public static final String REVISION = "checkout-00042-abc";

    private Entries() {}

    /** A Cloud Run stderr line without severity, as gunicorn and print() produce. */
    public static String stderr(String insertId, String timestamp, String instance, String text) {
        return stderr(SERVICE, REVISION, insertId, timestamp, instance, text);
    }

    /** A stderr line of any service and revision. */
    public static String stderr(
            String service, String revision, String insertId, String timestamp, String instance, String text) {
        return """
                {"insertId":"%s","timestamp":"%s","logName":"projects/p/logs/run.googleapis.com%%2Fstderr",
                 "labels":{"instanceId":"%s"},
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"%s","revision_name":"%s",
                   "project_id":"p","location":"europe-west1","configuration_name":"%s"}},
                 "textPayload":%s}
                """.formatted(insertId, timestamp, instance, service, revision, service, quote(text));
    }

    /** A JSON string literal, escaped by Jackson. */
    public static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
