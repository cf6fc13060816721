package dev.rootline.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An alert as the API shows it: never its webhook, only its route's name.
 *
 * @param nextAttemptAt for a pending alert, when it is tried next
 * @param lastError     why the last attempt did not deliver it, e.g. {@code 400 invalid_payload}
 * @param digestId      for a suppressed alert, the digest that reports it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertJson(
        long id,
        String route,
        String kind,
        String status,
        String incidentId,
        String revision,
        String related,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError,
        Long digestId) {

    static AlertJson of(Alert a) {
        return new AlertJson(
                a.id(),
                a.route(),
                lower(a.kind().name()),
                lower(a.status().name()),
                a.incidentId(),
                a.revision(),
                a.related(),
                a.attempts(),
                Instant.ofEpochMilli(a.createdAt()),
                a.status() == AlertStatus.PENDING ? Instant.ofEpochMilli(a.nextAttempt()) : null,
                a.sentAt() == null ? null : Instant.ofEpochMilli(a.sentAt()),
                a.lastError(),
                a.digestId());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A page of alerts, newest first; {@code nextCursor} is null on the last page. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<AlertJson> items, String nextCursor) {}
}
