package dev.rootline.engine.rca;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a line's words say error: {@code error}, {@code failed}, {@code refused}, {@code Traceback},
 * {@code not found}, {@code exited with}, {@code exit(3)}, {@code out of memory}... in any case, or a word ending in
 * {@code Error} or {@code Exception} ({@code ValueError}). It runs on every unmatched line of no stated severity,
 * so it scans the words once: the equivalent regex of alternatives, tried at every position, cost about twice as
 * much as parsing the line.
 */
final class ErrorWords {

    private static final Set<String> WORDS = Set.of(
            "error",
            "exception",
            "failed",
            "failure",
            "fatal",
            "critical",
            "refused",
            "denied",
            "cannot",
            "traceback",
            "invalid",
            "panic",
            "aborted",
            "killed",
            "exceeded",
            "crashed");
    /**
     * Two-word phrases, as "first second"; "no module named" is checked as "module named" after "no", "out of
     * memory" as "of memory" after "out".
     */
    private static final Set<String> PHRASES = Set.of(
            "unable to",
            "timed out",
            "not defined",
            "module named",
            "not found",
            "no such",
            "exited with",
            "of memory");

    private ErrorWords() {}

    static boolean in(String text) {
        String previous = null;
        String beforePrevious = null;
        int previousEnd = -2;
        for (int i = 0; i < text.length(); ) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (WORDS.contains(lower)
                    || endsWithName(word, "Error")
                    || endsWithName(word, "Exception")
                    || lower.equals("exit")
                            && i + 1 < text.length()
                            && text.charAt(i) == '('
                            && Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
            boolean spaced = previous != null && start == previousEnd + 1 && text.charAt(previousEnd) == ' ';
            if (spaced
                    && PHRASES.contains(previous + ' ' + lower)
                    && (!lower.equals("named") || "no".equals(beforePrevious))
                    && (!lower.equals("memory") || "out".equals(beforePrevious))) {
                return true;
            }
            beforePrevious = spaced ? previous : null;
            previous = lower;
            previousEnd = i;
        }
        return false;
    }

    /** A word that is a longer name ending in the suffix, case and all. */
    private static boolean endsWithName(String word, String suffix) {
        return word.length() > suffix.length() && word.endsWith(suffix);
    }

    /** A regex word character, as {@code \b} sees it. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
