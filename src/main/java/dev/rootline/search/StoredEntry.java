package dev.rootline.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.event.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One event as the store gives it back.
 *
 * @param signatures   ids of the signatures the event matched when it was stored
 * @param entry        the original LogEntry
 * @param joined       a JSON array of further original entries joined into this event (the rest of a
 *                     traceback), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoredEntry(
        String key,
        Instant timestamp,
        Severity severity,
        Scope scope,
        String logName,
        String insertId,
        String message,
        List<String> signatures,
        @JsonRawValue String entry,
        @JsonRawValue String joined) {}
