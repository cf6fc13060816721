package dev.rootline.source;

import com.google.api.MonitoredResource;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cloud Run entries as the Logging API returns them. */
public final class LoggingEntries {

    private LoggingEntries() {}

    /** {@code n} entries of a service, one millisecond apart from {@code start}, insertIds {@code prefix-i}. */
    public static List<LogEntry> run(String service, String prefix, Instant start, int n) {
        List<LogEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusMillis(i);
            out.add(LogEntry.newBuilder()
                    .setLogName("projects/p/logs/run.googleapis.com%2Fstdout")
                    .setResource(MonitoredResource.newBuilder()
                            .setType("cloud_run_revision")
                            .putLabels("service_name", service)
                            .putLabels("revision_name", service + "-00001-abc")
                            .putLabels("project_id", "p")
                            .putLabels("location", "europe-west1"))
                    .setTimestamp(Timestamps.fromNanos(at.getEpochSecond() * 1_000_000_000L + at.getNano()))
                    .setReceiveTimestamp(Timestamps.fromNanos(at.getEpochSecond() * 1_000_000_000L + at.getNano()))
                    .setSeverity(LogSeverity.INFO)
                    .setInsertId(prefix + "-" + i)
                    .setTextPayload("request " + i + " served in " + (i % 97) + " ms")
                    .putLabels("instanceId", "i-" + prefix)
                    .build());
        }
        return out;
    }
}
