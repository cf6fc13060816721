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
        List<String> parts = RegexSyntax.splitTopLevel(unwrap(regex));
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
        List<String> branches = RegexSyntax.splitTopLevel(regex);
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
        List<String> branches = RegexSyntax.splitTopLevel(regex);
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
        if (body.startsWith("(") && RegexSyntax.closingParen(body, 0) == body.length() - 1) {
            String inner = body(body, 0, body.length() - 1);
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
                    int close = RegexSyntax.closingParen(regex, i);
                    if (close < 0) {
                        return null;
                    }
                    String body = body(regex, i, close);
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
                    i = RegexSyntax.endOfClass(regex, i);
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
                    if (RegexSyntax.isClassEscape(next)) {
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

    /** The pattern inside the group at {@code open}, or null for flags: text not matched as written. */
    private static String body(String regex, int open, int close) {
        RegexSyntax.GroupStart group = RegexSyntax.groupStart(regex, open);
        return group == null || !group.plain() ? null : regex.substring(group.bodyStart(), close);
    }
}
