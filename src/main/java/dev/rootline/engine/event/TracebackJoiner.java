package dev.rootline.engine.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Joins the pieces of one Python traceback that Cloud Run logged as separate entries (docs/architecture.md, "Life of a
 * batch"): on the same instance and stream, each within {@code window} of the previous piece, a {@code Traceback (most
 * recent call last):} continues the line before it (logger.exception prints the message, then the traceback), and
 * indented frames, "During handling..." and the final {@code XxxError: ...} line continue an open traceback.
 */
public final class TracebackJoiner {

    private static final String TRACEBACK = "Traceback (most recent call last):";
    private static final Pattern CHAINED =
            Pattern.compile("^(During handling of the above exception|The above exception was the direct cause)");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^[A-Za-z_][\\w.]*(: .*)?$", Pattern.DOTALL);

    /**
     * The longest event time one joined event covers, from its first piece to its last; a traceback still going
     * after that is split. Real ones take milliseconds. The bound is what lets the log store look a re-sent
     * piece up only among events of its last minute.
     */
    public static final long MAX_SPAN_NANOS = 60_000_000_000L;

    private final long windowNanos;

    public TracebackJoiner(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Returns the events with continuation pieces folded into the event they continue, in time order. */
    public List<LogEvent> join(List<LogEvent> events) {
        List<LogEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(LogEvent::timeNanos));
        List<Group> groups = new ArrayList<>(sorted.size());
        Map<Stream, Group> openByStream = new HashMap<>();
        for (LogEvent event : sorted) {
            Stream stream = new Stream(
                    event.scope().instance(), event.logName(), event.scope().version());
            Group open = openByStream.get(stream);
            if (open != null
                    && event.timeNanos() - open.lastTimeNanos <= windowNanos
                    && event.timeNanos() - open.firstTimeNanos <= MAX_SPAN_NANOS
                    && open.continuedBy(event)) {
                open.add(event);
            } else {
                Group group = new Group(event);
                groups.add(group);
                openByStream.put(stream, group);
            }
        }
        List<LogEvent> joined = new ArrayList<>(groups.size());
        for (Group group : groups) {
            joined.add(group.toEvent());
        }
        return joined;
    }

    /** Where pieces of one traceback are written: one instance's log, of one revision. */
    private record Stream(String instance, String logName, String revision) {}

    private static final class Group {
        private final List<LogEvent> members = new ArrayList<>(1);
        private final long firstTimeNanos;
        private long lastTimeNanos;
        private boolean inTraceback;
        private boolean open;
        private boolean expectCode;

        Group(LogEvent first) {
            firstTimeNanos = first.timeNanos();
            add(first);
        }

        void add(LogEvent event) {
            members.add(event);
            lastTimeNanos = event.timeNanos();
            String message = event.message();
            if (inTraceback || message.contains(TRACEBACK)) {
                for (String line : message.split("\n")) {
                    feed(line.strip());
                }
            }
        }

        /** Tracks where in a traceback the text stands: frame header, code line, or the closing exception. */
        private void feed(String line) {
            if (line.startsWith(TRACEBACK)) {
                inTraceback = true;
                open = true;
                expectCode = false;
            } else if (open) {
                if (line.startsWith("File \"")) {
                    expectCode = true;
                } else if (expectCode) {
                    expectCode = false;
                } else if (!isMarker(line) && EXCEPTION_LINE.matcher(line).matches()) {
                    open = false;
                }
            }
        }

        boolean continuedBy(LogEvent event) {
            String message = event.message();
            int newline = message.indexOf('\n');
            String first = newline < 0 ? message : message.substring(0, newline);
            if (first.startsWith(TRACEBACK)) {
                return true;
            }
            if (!inTraceback) {
                return false;
            }
            if (CHAINED.matcher(first).find()) {
                return true;
            }
            return open
                    && (first.startsWith("File \"")
                            || expectCode
                            || isMarker(first)
                            || EXCEPTION_LINE.matcher(first).matches());
        }

        private static boolean isMarker(String line) {
            return line.startsWith("^") || line.startsWith("~");
        }

        LogEvent toEvent() {
            return LogEvent.joined(members);
        }
    }
}
