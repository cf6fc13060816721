package dev.rootline.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times and put names into links. */
@TemplateExtension
final class Formats {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** {@code {t.utc}}: an event time, to the millisecond. */
    static String utc(Instant t) {
        return t == null ? "" : UTC.format(t);
    }

    /** {@code {name.urlEncoded}}: a name as one segment of a link's path or query. */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
