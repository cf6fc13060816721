package dev.rootline.engine.event;

import java.util.Optional;

/** Cleaning of message text and the level tokens that plain stderr lines carry inside the text. */
final class MessageText {

    private static final String[] LEVELS = {"CRITICAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "FATAL"};
    private static final int LEVEL_SCAN_LIMIT = 160;

    private MessageText() {}

    /**
     * Strips ANSI colour codes and surrounding blanks, turns a literal {@code \n} into a line break, and a NUL
     * character (which a JSON string can carry, and PostgreSQL text cannot hold) into U+FFFD.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
        if (s.indexOf('\u001b') >= 0) {
            s = s.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
        }
        if (s.indexOf('\\') >= 0) {
            s = s.replace("\\n", "\n");
        }
        return s.strip();
    }

    /**
     * The level a line states in the forms loggers print it: {@code - ERROR -} (Python logging), {@code [ERROR]}
     * (gunicorn), or {@code ERROR:} at the start (uvicorn). Only the head of the first line is looked at.
     */
    static Optional<Severity> levelToken(String message) {
        int end = Math.min(message.length(), LEVEL_SCAN_LIMIT);
        int newline = message.indexOf('\n');
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        String head = message.substring(0, end);
        for (String level : LEVELS) {
            int at = head.indexOf(level);
            while (at >= 0) {
                if (isDelimited(head, at, level.length())) {
                    return Severity.ofLoggerLevel(level);
                }
                at = head.indexOf(level, at + 1);
            }
        }
        return Optional.empty();
    }

    private static boolean isDelimited(String s, int at, int length) {
        char before = at == 0 ? '\0' : s.charAt(at - 1);
        int after = at + length;
        char next = after < s.length() ? s.charAt(after) : '\0';
        if (before == '[' && next == ']') {
            return true;
        }
        if (next == ':' && at == 0) {
            return true;
        }
        return before == ' '
                && next == ' '
                && at >= 2
                && s.charAt(at - 2) == '-'
                && after + 1 < s.length()
                && s.charAt(after + 1) == '-';
    }
}
