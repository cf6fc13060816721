package dev.rootline.engine.rca;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The line of a multi-line message that names the deepest cause, as an engineer reads a stack trace: Java's last
 * {@code Caused by:}, Go's {@code panic:}, a Python traceback's exception line (its last), Node's {@code Error:}
 * line (its first, before the frames). Otherwise the first line. It names an unknown error's incident, and is what
 * {@link LineKind} judges.
 */
public final class Headline {

    private static final String CAUSED_BY = "Caused by: ";
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(?:[a-z_][\\w]*\\.)*[A-Z]\\w*(?:Error|Exception|Exit" + "|Interrupt)(?::|$)");
    private static final Pattern NODE_ERROR = Pattern.compile("^(?:Uncaught )?(?:[A-Z]\\w*)?Error(?: \\[\\w+\\])?: ");

    private Headline() {}

    /** Whether a line (an entry of its own, or a line of a trace) names a Java cause: {@code Caused by: ...}. */
    static boolean isCausedBy(String line) {
        return line.strip().startsWith(CAUSED_BY.strip());
    }

    public static String of(String message) {
        List<String> lines = message.strip()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (lines.size() <= 1) {
            return lines.isEmpty() ? "" : lines.get(0);
        }
        String causedBy = null;
        String exception = null;
        for (String line : lines) {
            if (line.startsWith(CAUSED_BY)) {
                causedBy = line.substring(CAUSED_BY.length());
            } else if (line.startsWith("panic: ")) {
                return line;
            } else if (EXCEPTION_LINE.matcher(line).find()) {
                exception = line;
            }
        }
        if (causedBy != null) {
            return causedBy;
        }
        if (lines.get(0).startsWith("Traceback") && exception != null) {
            return exception;
        }
        return lines.stream()
                .filter(l -> NODE_ERROR.matcher(l).find())
                .findFirst()
                .orElse(lines.get(0));
    }
}
