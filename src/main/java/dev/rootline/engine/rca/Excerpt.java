package dev.rootline.engine.rca;

/**
 * What of a message correlation keeps as evidence: a short message whole; of a long one (a traceback, a dump of
 * settings), its first line and the line that tells what happened. The whole entry stays in the log store, where
 * the evidence's insertId finds it; copying every traceback into each signal's row made storing and re-reading
 * signals a third of correlation's cost.
 */
public final class Excerpt {

    /** Messages up to this length are kept whole. */
    static final int WHOLE = 500;
    /** The first line names an unknown error (its fingerprint), so it is cut only when absurdly long. */
    private static final int FIRST_LINE = 1000;

    private static final int LINE = 500;
    private static final String MORE = "\n…";

    private Excerpt() {}

    /**
     * @param anchor text the line to keep holds (what a signature matched); null: the last non-blank line, where a
     *               traceback names its exception
     */
    public static String of(String message, String anchor) {
        if (message.length() <= WHOLE) {
            return message;
        }
        int firstEnd = lineEnd(message, 0);
        String first = clip(message.substring(0, firstEnd), FIRST_LINE);
        int at = anchor == null || anchor.isEmpty() ? -1 : message.indexOf(anchor);
        int lineStart = message.lastIndexOf('\n', at >= 0 ? at : lastNonBlank(message)) + 1;
        if (lineStart <= firstEnd) {
            return firstEnd == message.length() ? first : first + MORE;
        }
        return first + MORE + '\n' + clip(message.substring(lineStart, lineEnd(message, lineStart)), LINE);
    }

    private static int lastNonBlank(String text) {
        int i = text.length() - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static String clip(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
