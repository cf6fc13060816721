package dev.rootline.engine.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * How the scanners of a signature's regex ({@link RequiredLiterals}, {@link LineBound}, {@link BudgetedRegex},
 * {@link LiteralChain}, {@link RegexLimits}) read RE2 syntax: character classes, groups and what opens them, and
 * the top-level structure. One reading, so that they agree on what a piece of the text is. The regex has compiled
 * under RE2 before any of them reads it.
 */
final class RegexSyntax {

    private RegexSyntax() {}

    /** What a {@code (} opens. */
    enum GroupKind {
        /** {@code (...)} */
        CAPTURING,
        /** {@code (?:...)} */
        NON_CAPTURING,
        /** {@code (?<name>...)} or {@code (?P<name>...)} */
        NAMED,
        /** {@code (?i)}: flags for the rest of the enclosing group; no body */
        FLAGS,
        /** {@code (?i:...)}: flags for the group's body */
        SCOPED_FLAGS
    }

    /**
     * A group's opening.
     *
     * @param name the name of a {@link GroupKind#NAMED} group, else null
     * @param flags the flags of a {@link GroupKind#FLAGS} or {@link GroupKind#SCOPED_FLAGS} group, else ""
     * @param bodyStart where the body starts; for {@link GroupKind#FLAGS}, just after the group
     */
    record GroupStart(GroupKind kind, String name, String flags, int bodyStart) {

        /** Whether the body is pattern text, matched as written (no flags change how). */
        boolean plain() {
            return kind == GroupKind.CAPTURING || kind == GroupKind.NON_CAPTURING || kind == GroupKind.NAMED;
        }
    }

    /** The opening of the group at {@code open} (a {@code (}); null for one RE2 does not have. */
    static GroupStart groupStart(String regex, int open) {
        if (!regex.startsWith("(?", open)) {
            return new GroupStart(GroupKind.CAPTURING, null, "", open + 1);
        }
        if (regex.startsWith("(?:", open)) {
            return new GroupStart(GroupKind.NON_CAPTURING, null, "", open + 3);
        }
        int nameStart = regex.startsWith("(?<", open) ? open + 3 : regex.startsWith("(?P<", open) ? open + 4 : -1;
        if (nameStart >= 0) {
            int end = regex.indexOf('>', nameStart);
            return end < 0 ? null : new GroupStart(GroupKind.NAMED, regex.substring(nameStart, end), "", end + 1);
        }
        int j = open + 2;
        while (j < regex.length() && "imsU-".indexOf(regex.charAt(j)) >= 0) {
            j++;
        }
        if (j == regex.length()) {
            return null;
        }
        String flags = regex.substring(open + 2, j);
        return switch (regex.charAt(j)) {
            case ')' -> new GroupStart(GroupKind.FLAGS, null, flags, j + 1);
            case ':' -> new GroupStart(GroupKind.SCOPED_FLAGS, null, flags, j + 1);
            default -> null;
        };
    }

    /** An escape that stands for a class of characters or an assertion ({@code \d}, {@code \b}), not for itself. */
    static boolean isClassEscape(char escaped) {
        return Character.isLetterOrDigit(escaped);
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

    /** The index of the {@code )} closing the group opened at {@code open}; or -1. */
    static int closingParen(String regex, int open) {
        return atTopLevel(regex, open + 1, ')');
    }

    /** The branches of an alternation at the top level of the regex; the regex alone when it has none. */
    static List<String> splitTopLevel(String regex) {
        List<String> branches = new ArrayList<>();
        int start = 0;
        for (int bar = atTopLevel(regex, 0, '|'); bar >= 0; bar = atTopLevel(regex, start, '|')) {
            branches.add(regex.substring(start, bar));
            start = bar + 1;
        }
        branches.add(regex.substring(start));
        return branches;
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
}
