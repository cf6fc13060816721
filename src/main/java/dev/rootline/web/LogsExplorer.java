package dev.rootline.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Links to the same logs in Google Cloud's Logs Explorer, in its documented URL form. */
final class LogsExplorer {

    private static final Duration AROUND = Duration.ofMinutes(5);

    private LogsExplorer() {}

    /** The revision's logs from five minutes before to five minutes after a time. */
    static String link(String project, String resourceType, String service, String revision, Instant at) {
        StringBuilder query =
                new StringBuilder("resource.type=\"").append(resourceType).append('"');
        if ("cloud_run_revision".equals(resourceType)) {
            query.append("\nresource.labels.service_name=\"")
                    .append(service)
                    .append('"')
                    .append("\nresource.labels.revision_name=\"")
                    .append(revision)
                    .append('"');
        }
        return "https://console.cloud.google.com/logs/query;query=" + encode(query.toString()) + ";timeRange="
                + encode(at.minus(AROUND) + "/" + at.plus(AROUND)) + "?project=" + encode(project);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
