package dev.rootline.engine.signature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a signature's regex may cost, checked before it is compiled: its length, and its counted repetitions,
 * whose counts multiply when nested ({@code ((a{100}){100}){100}} is a million copies of {@code a} to a compiler).
 * The product of nested counts is held to {@link #MAX_REPEAT}, RE2's own limit, which RE2/J does not enforce.
 */
final class RegexLimits {

    static final int MAX_LENGTH = 4096;
    static final int MAX_REPEAT = 1000;
    private static final Pattern COUNT = Pattern.compile("\\{(\\d{1,9})(,(\\d{0,9}))?}");

    private RegexLimits() {}

    /** Why the regex is too costly to compile, or empty when it is not. */
    static Optional<String> violation(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("is " + regex.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: the largest product of counts inside it
        groups.push(new long[1]);
        long previous = 0; // the product of counts inside the atom just read (a group's, or 0 for a character)
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            Matcher count = c == '{' ? COUNT.matcher(regex).region(i, regex.length()) : null;
            if (c == '\\') {
                i++;
                previous = 0;
            } else if (c == '[') {
                i = RegexSyntax.endOfClass(regex, i);
                previous = 0;
            } else if (c == '(') {
                groups.push(new long[1]);
            } else if (c == ')' && groups.size() > 1) {
                previous = groups.pop()[0];
                record(groups, previous);
            } else if (count != null && count.lookingAt()) {
                long times = Long.parseLong(
                        count.group(3) == null || count.group(3).isEmpty() ? count.group(1) : count.group(3));
                long product = Math.max(1, previous) * times;
                if (product > MAX_REPEAT) {
                    return Optional.of(
                            "nests counted repetitions to " + product + " copies; the limit is " + MAX_REPEAT);
                }
                record(groups, product);
                i = count.end() - 1;
            } else {
                previous = 0;
            }
        }
        return Optional.empty();
    }

    private static void record(Deque<long[]> groups, long product) {
        groups.peek()[0] = Math.max(groups.peek()[0], product);
    }
}
