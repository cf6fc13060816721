package dev.rootline.engine.event;

import java.time.Instant;
import java.util.ArrayList;
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

    public LogEvent withTime(long nanos) {
        return new LogEvent(key, memberKeys, insertId, logName, nanos, severity, message, scope, entries);
    }

    public Instant timestamp() {
        return Timestamps.instant(timeNanos);
    }

    /**
     * One event made of consecutive pieces: the first piece's identity, time and scope, every piece's entry, the
     * messages one per line and the highest severity.
     */
    public static LogEvent joined(List<LogEvent> pieces) {
        LogEvent first = pieces.get(0);
        if (pieces.size() == 1) {
            return first;
        }
        List<String> keys = new ArrayList<>(pieces.size());
        List<byte[]> entries = new ArrayList<>(pieces.size());
        StringBuilder message = new StringBuilder();
        Severity severity = Severity.DEFAULT;
        for (LogEvent piece : pieces) {
            keys.addAll(piece.memberKeys());
            entries.addAll(piece.entries());
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(piece.message());
            severity = Severity.max(severity, piece.severity());
        }
        return new LogEvent(
                first.key(),
                List.copyOf(keys),
                first.insertId(),
                first.logName(),
                first.timeNanos(),
                severity,
                message.toString(),
                first.scope(),
                List.copyOf(entries));
    }

    /** How many LogEntries this event stands for. */
    public int entryCount() {
        return memberKeys.size();
    }
}
