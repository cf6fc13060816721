package dev.rootline.engine.event;

import java.time.Instant;
import java.util.List;

/**
 * One normalised log event: a LogEntry, or several consecutive ones joined because together they print one
 * Python traceback. The first entry gives the identity, time and scope; {@code entries} keeps every original.
 *
 * @param key        dedup identity of the first entry, see {@link EntryKeys}
 * @param memberKeys identities of every entry joined into this event, the first included
 * @param timeNanos  event time (the entry's {@code timestamp}) as epoch nanoseconds
 * @param entries    the original LogEntry JSON of each member, in order
 */
public record LogEvent(
        String key,
        List<String> memberKeys,
        String insertId,
        String logName,
        long timeNanos,
        Severity severity,
        String message,
        Scope scope,
        List<byte[]> entries) {

    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(timeNanos, 1_000_000_000L), Math.floorMod(timeNanos, 1_000_000_000L));
    }

    /** How many LogEntries this event stands for. */
    public int entryCount() {
        return memberKeys.size();
    }
}
