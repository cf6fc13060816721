package dev.rootline.engine.signature;

import java.util.Locale;

/**
 * The longest run of literal text that every match of a regular expression must contain, lowercased: the
 * prefilter key. Conservative: when in doubt (top-level alternation, no run of 3 characters) it returns null and
 * the signature's regex runs on every line.
 */
final class RequiredLiterals {

    static final int MIN_LENGTH = 3;

    private RequiredLiterals() {
    }

    static String longest(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '[') {
                    i = endOfClass(regex, i);
                }
                continue;
            }
            switch (c) {
                case '|' -> {
                    return null;
                }
                case '(' -> {
                    best = longer(best, run);
                    run.setLength(0);
                    depth++;
                }
                case '[' -> {
                    best = longer(best, run);
                    run.setLength(0);
                    i = endOfClass(regex, i);
                }
                case '?', '*' -> {
                    dropOptional(run);
                    best = longer(best, run);
                    run.setLength(0);
                }
                case '{' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '0') {
                        dropOptional(run);
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    i = regex.indexOf('}', i);
                    if (i < 0) {
                        return null;
                    }
                }
                case '+', '.', '^', '$' -> {
                    best = longer(best, run);
                    run.setLength(0);
                }
                case '\\' -> {
                    char next = i + 1 < regex.length() ? regex.charAt(i + 1) : '\\';
                    i++;
                    if (Character.isLetterOrDigit(next)) {
                        best = longer(best, run); // \d, \s, \b ...: not a literal
                        run.setLength(0);
                    } else {
                        run.append(next);
                    }
                }
                default -> run.append(c);
            }
        }
        best = longer(best, run);
        String literal = best.strip().toLowerCase(Locale.ROOT);
        return literal.length() >= MIN_LENGTH ? literal : null;
    }

    /** A quantifier that allows zero repetitions makes the character before it optional. */
    private static void dropOptional(StringBuilder run) {
        if (run.length() > 0) {
            run.setLength(run.length() - 1);
        }
    }

    private static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == ']') {
                return i;
            }
        }
        return regex.length();
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
