package dev.rootline.engine.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * A regex made only of literal text and lazy wildcard groups, {@code (.*?)}: what signatures derived from log
 * templates look like ({@code Connection to (.*?) failed after (.*?) retries}). It is matched with
 * {@code indexOf}, giving what RE2 gives (the leftmost match, each lazy group as short as it can be, none crossing
 * a line break) in time linear in the text, without running an automaton over every character.
 *
 * <p>Why the earliest occurrence of each literal is the answer: if the rest of the chain fits in a line after some
 * position, it fits after any earlier position too. So the first occurrence that lets the chain complete is the
 * first occurrence, and a line where the chain fails from the first occurrence of its first literal holds no match.
 */
final class LiteralChain {

    private static final String META = ".[]{}()*+?^$|";
    /** The body of a lazy wildcard group, with its closing parenthesis. */
    private static final String LAZY_BODY = ".*?)";

    /** The literal runs in order; never empty, never holding a line break. */
    private final String[] literals;
    /**
     * The groups before each literal ({@code gaps[i]} precedes {@code literals[i]}) and after the last one
     * ({@code gaps[literals.length]}). Each is a list of group names, null for an unnamed group.
     */
    private final List<List<String>> gaps;

    private final List<String> groupNames;

    private LiteralChain(String[] literals, List<List<String>> gaps) {
        this.literals = literals;
        this.gaps = gaps;
        this.groupNames = gaps.stream().flatMap(List::stream).toList();
    }

    /** The chain the regex is, or null if it is anything else (a class, a flag, a greedy or bounded repeat...). */
    static LiteralChain of(String regex) {
        List<String> literals = new ArrayList<>();
        List<List<String>> gaps = new ArrayList<>();
        gaps.add(new ArrayList<>());
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '(') {
                RegexSyntax.GroupStart group = RegexSyntax.groupStart(regex, i);
                String name = lazyGroupName(regex, group);
                if (name == null) {
                    return null;
                }
                if (run.length() > 0) {
                    literals.add(run.toString());
                    gaps.add(new ArrayList<>());
                    run.setLength(0);
                }
                gaps.get(gaps.size() - 1).add(name.isEmpty() ? null : name);
                i = group.bodyStart() + LAZY_BODY.length() - 1;
            } else if (c == '\\' && i + 1 < regex.length() && !RegexSyntax.isClassEscape(regex.charAt(i + 1))) {
                run.append(regex.charAt(++i));
            } else if (c == '\\' || c == '\n' || c == '\r' || META.indexOf(c) >= 0) {
                return null;
            } else {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            literals.add(run.toString());
            gaps.add(new ArrayList<>());
        }
        if (literals.isEmpty() || literals.stream().anyMatch(l -> l.indexOf('\n') >= 0)) {
            return null;
        }
        return new LiteralChain(literals.toArray(String[]::new), gaps);
    }

    /** "" for an unnamed group {@code (.*?)}, the name for a named one, else (not a lazy group) null. */
    private static String lazyGroupName(String regex, RegexSyntax.GroupStart group) {
        if (group == null || !group.plain() || !regex.startsWith(LAZY_BODY, group.bodyStart())) {
            return null;
        }
        String name = group.name();
        if (name == null) {
            return "";
        }
        return name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_') ? null : name;
    }

    /** The names of the chain's groups in order, null for unnamed ones. */
    List<String> groupNames() {
        return groupNames;
    }

    /**
     * The first match, as RE2 finds it, or null.
     *
     * @return the match's start, its end, then each group's start and end, in {@link #groupNames()} order
     */
    int[] find(String text) {
        int[] at = new int[literals.length];
        // where each literal was last found, plus one (0: not looked for yet): the search only moves forward, so
        // no stretch of text is read twice
        int[] seen = new int[literals.length];
        int from = 0;
        while (true) {
            int first = next(text, 0, from, seen);
            if (first < 0) {
                return null;
            }
            int lineEnd = text.indexOf('\n', first);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            at[0] = first;
            int fits = fit(text, at, seen, lineEnd);
            if (fits == literals.length) {
                int start = gaps.get(0).isEmpty() ? first : text.lastIndexOf('\n', first) + 1;
                return spans(start, at);
            }
            if (fits < 0 || lineEnd == text.length()) {
                return null;
            }
            from = lineEnd + 1;
        }
    }

    /**
     * Places literals 1.. after literal 0 within the line; returns how many literals fit in all, or -1 when one
     * of them occurs nowhere further on, so no later line can hold the chain either.
     */
    private int fit(String text, int[] at, int[] seen, int lineEnd) {
        for (int i = 1; i < literals.length; i++) {
            int found = next(text, i, at[i - 1] + literals[i - 1].length(), seen);
            if (found < 0) {
                return -1;
            }
            if (found + literals[i].length() > lineEnd) {
                return i;
            }
            at[i] = found;
        }
        return literals.length;
    }

    private int next(String text, int literal, int from, int[] seen) {
        if (seen[literal] - 1 < from) {
            int found = text.indexOf(literals[literal], from);
            seen[literal] = found < 0 ? Integer.MAX_VALUE : found + 1;
        }
        return seen[literal] == Integer.MAX_VALUE ? -1 : seen[literal] - 1;
    }

    /** Every lazy group but the last of a gap is empty; the last one spans the gap. */
    private int[] spans(int start, int[] at) {
        int last = literals.length - 1;
        int end = at[last] + literals[last].length();
        int[] spans = new int[2 + 2 * groupNames.size()];
        spans[0] = start;
        spans[1] = end;
        int g = 2;
        for (int i = 0; i < gaps.size(); i++) {
            int gapStart = i == 0 ? start : at[i - 1] + literals[i - 1].length();
            int gapEnd = i < literals.length ? at[i] : end;
            for (int k = 0; k < gaps.get(i).size(); k++) {
                boolean spansGap = k == gaps.get(i).size() - 1;
                spans[g++] = gapStart;
                spans[g++] = spansGap ? gapEnd : gapStart;
            }
        }
        return spans;
    }
}
