package dev.rootline.engine.signature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Literal text every match of a regular expression must contain: the prefilter keys, lowercased for the
 * case-insensitive automaton, and as written for the exact check of a case-sensitive regex. The result is
 * a conjunction of alternatives: every match contains, for each group, at least one of its literals
 * ({@code Worker (?:exited|died) with code} gives [[worker], [exited, died], [with code]]). Conservative: what it
 * cannot prove required it leaves out, and with no group a signature's regex runs on every line.
 */
final class RequiredLiterals {

    static final int MIN_LENGTH = 3;
    private static final java.util.regex.Pattern CASE_INSENSITIVE = java.util.regex.Pattern.compile("\\(\\?[-imsU]*i");
    private static final java.util.regex.Pattern LEADING_FLAGS =
            java.util.regex.Pattern.compile("(?:\\(\\?[-imsU]+\\))+");

    private RequiredLiterals() {}

    /** Every group of alternatives (each literal at least {@link #MIN_LENGTH} characters) a match must satisfy. */
    static List<List<String>> allOf(String regex) {
        return lower(exactAllOf(regex));
    }

    /**
     * The prefilter as a disjunction: for a regex that is an alternation at its top level (under any flags and one
     * enclosing group), the groups each branch requires, so that a line needs the literals of one branch only.
     * A branch that requires nothing makes the whole list one empty conjunction: the regex runs on every line.
     */
    static Prefilter branches(String regex) {
        List<String> parts = splitTopLevel(unwrap(regex));
        if (parts.size() == 1) {
            return new Prefilter(List.of(new Conjunction(allOf(regex))));
        }
        List<Conjunction> branches = new ArrayList<>();
        for (String part : parts) {
            Conjunction groups = new Conjunction(allOf(part));
            if (groups.requiresNothing()) {
                return new Prefilter(List.of(groups));
            }
            branches.add(groups);
        }
        return new Prefilter(branches);
    }

    /**
     * The required groups with the case the regex demands, for a regex that has no case-insensitive flag: then a
     * line must hold one literal of each group exactly as written. Empty for a case-insensitive regex.
     */
    static List<List<String>> exactCase(String regex) {
        return CASE_INSENSITIVE.matcher(regex).find() ? List.of() : exactAllOf(regex);
    }

    /** Alternatives of at least {@link #MIN_LENGTH} characters, one of which every match contains; or null. */
    static List<String> anyOf(String regex) {
        List<String> exact = exactAnyOf(regex);
        return exact == null ? null : lower(List.of(exact)).get(0);
    }

    private static List<List<String>> exactAllOf(String regex) {
        List<String> branches = splitTopLevel(regex);
        if (branches.size() > 1) {
            List<String> union = exactAnyOf(regex);
            return union == null ? List.of() : List.of(union);
        }
        List<List<String>> groups = candidates(regex);
        return groups == null
                ? List.of()
                : groups.stream()
                        .filter(RequiredLiterals::longEnough)
                        .distinct()
                        .toList();
    }

    private static List<String> exactAnyOf(String regex) {
        List<String> branches = splitTopLevel(regex);
        if (branches.size() > 1) {
            List<String> union = new ArrayList<>();
            for (String branch : branches) {
                List<String> literals = exactAnyOf(branch);
                if (literals == null) {
                    return null;
                }
                union.addAll(literals);
            }
            return union.stream().distinct().toList();
        }
        return sequence(regex);
    }

    private static List<List<String>> lower(List<List<String>> groups) {
        return groups.stream()
                .map(group -> group.stream()
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList())
                .distinct()
                .toList();
    }

    /** The regex without leading flag groups such as {@code (?i)}, and without one group enclosing all of it. */
    private static String unwrap(String regex) {
        String body = regex;
        java.util.regex.Matcher flags = LEADING_FLAGS.matcher(body);
        if (flags.lookingAt()) {
            body = body.substring(flags.end());
        }
        if (body.startsWith("(") && closingParen(body, 0) == body.length() - 1) {
            String inner = groupBody(body.substring(1, body.length() - 1));
            return inner == null ? body : unwrap(inner);
        }
        return body;
    }

    /** The best-keyed required element of a sequence: a literal run, or a required group's alternatives. */
    private static List<String> sequence(String regex) {
        List<List<String>> candidates = candidates(regex);
        if (candidates == null) {
            return null;
        }
        return candidates.stream()
                .filter(RequiredLiterals::longEnough)
                .max(Comparator.comparingInt((List<String> set) ->
                                set.stream().mapToInt(String::length).min().orElse(0))
                        .thenComparing(set -> -set.size()))
                .orElse(null);
    }

    private static boolean longEnough(List<String> alternatives) {
        return alternatives.stream().allMatch(l -> l.length() >= MIN_LENGTH);
    }

    /** The required elements of a sequence: its literal runs and its required groups' alternatives. */
    private static List<List<String>> candidates(String regex) {
        List<List<String>> candidates = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '(' -> {
                    flush(run, candidates);
                    int close = closingParen(regex, i);
                    if (close < 0) {
                        return null;
                    }
                    String body = groupBody(regex.substring(i + 1, close));
                    if (body != null && !optional(regex, close + 1)) {
                        List<String> inner = exactAnyOf(body);
                        if (inner != null) {
                            candidates.add(inner);
                        }
                    }
                    i = close;
                }
                case '[' -> {
                    flush(run, candidates);
                    i = endOfClass(regex, i);
                }
                case '?', '*' -> {
                    dropLast(run);
                    flush(run, candidates);
                }
                case '{' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '0') {
                        dropLast(run);
                    }
                    flush(run, candidates);
                    i = regex.indexOf('}', i);
                    if (i < 0) {
                        return null;
                    }
                }
                case '+', '.', '^', '$' -> flush(run, candidates);
                case '\\' -> {
                    char next = i + 1 < regex.length() ? regex.charAt(i + 1) : '\\';
                    i++;
                    if (Character.isLetterOrDigit(next)) {
                        flush(run, candidates); // \d, \s, \b ...: not a literal
                    } else {
                        run.append(next);
                    }
                }
                default -> run.append(c);
            }
        }
        flush(run, candidates);
        return candidates;
    }

    private static void flush(StringBuilder run, List<List<String>> candidates) {
        String literal = run.toString().strip();
        if (!literal.isEmpty()) {
            candidates.add(List.of(literal));
        }
        run.setLength(0);
    }

    /** A quantifier that allows zero repetitions makes the character before it optional. */
    private static void dropLast(StringBuilder run) {
        if (run.length() > 0) {
            run.setLength(run.length() - 1);
        }
    }

    private static boolean optional(String regex, int after) {
        return after < regex.length()
                && (regex.charAt(after) == '?' || regex.charAt(after) == '*' || regex.startsWith("{0", after));
    }

    /** The pattern inside a group, without its {@code ?:}, {@code ?<name>} or {@code ?P<name>} prefix; null for flags. */
    private static String groupBody(String inside) {
        if (!inside.startsWith("?")) {
            return inside;
        }
        if (inside.startsWith("?:")) {
            return inside.substring(2);
        }
        if (inside.startsWith("?<") || inside.startsWith("?P<")) {
            int end = inside.indexOf('>');
            return end < 0 ? null : inside.substring(end + 1);
        }
        return null; // (?i), (?m): flags, not text
    }

    private static List<String> splitTopLevel(String regex) {
        List<String> branches = new ArrayList<>();
        int start = 0;
        for (int bar = atTopLevel(regex, 0, '|'); bar >= 0; bar = atTopLevel(regex, start, '|')) {
            branches.add(regex.substring(start, bar));
            start = bar + 1;
        }
        branches.add(regex.substring(start));
        return branches;
    }

    private static int closingParen(String regex, int open) {
        return atTopLevel(regex, open + 1, ')');
    }

    /** The first {@code target} at nesting depth 0 from {@code from}, outside escapes and classes; or -1. */
    private static int atTopLevel(String regex, int from, char target) {
        int depth = 0;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == target && depth == 0) {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return -1;
    }

    /** The index of the {@code ]} closing the class opened at {@code open}; the regex's length if none does. */
    static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
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
}
