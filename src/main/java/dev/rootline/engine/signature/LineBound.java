package dev.rootline.engine.signature;

/**
 * Whether a regex can only match within one line: then, on a long message, it need only run on the lines that
 * hold its required literals, not on the whole 20,000-character traceback. Decided from the pattern's text,
 * conservatively: anything that might match a line break ({@code \s}, {@code \W}, {@code \D}, a negated class not
 * excluding {@code \n}, the {@code s} flag...) or anchor to the text rather than the line ({@code ^} and {@code $}
 * without the {@code m} flag, {@code \A}, {@code \z}) makes it false.
 */
final class LineBound {

    private static final String UNSAFE_ESCAPES = "sWDnrvfxpPCAzQ0123456789";

    private LineBound() {}

    static boolean of(String regex) {
        boolean multiline = false;
        boolean inClass = false;
        boolean negated = false;
        boolean classHasNewline = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                if (inClass && e == 'n') {
                    classHasNewline = true;
                } else if (UNSAFE_ESCAPES.indexOf(e) >= 0) {
                    return false;
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    if (negated != classHasNewline) {
                        return false; // [^...] without \n matches a line break; [...\n] matches one
                    }
                }
            } else if (c == '[') {
                inClass = true;
                negated = i + 1 < regex.length() && regex.charAt(i + 1) == '^';
                i += negated ? 1 : 0;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a leading ] is a literal
                }
                classHasNewline = false;
            } else if (c == '(') {
                RegexSyntax.GroupStart group = RegexSyntax.groupStart(regex, i);
                if (group != null && !group.plain()) {
                    String flags = group.flags();
                    int off = flags.indexOf('-');
                    String on = off < 0 ? flags : flags.substring(0, off);
                    if (on.indexOf('s') >= 0 || off >= 0 && flags.indexOf('m', off) >= 0) {
                        return false;
                    }
                    // (?m) for the rest of the pattern, not (?m:...)
                    multiline |= on.indexOf('m') >= 0 && group.kind() == RegexSyntax.GroupKind.FLAGS;
                }
            } else if ((c == '^' || c == '$') && !multiline) {
                return false;
            }
        }
        return true;
    }
}
