package dev.rootline.engine.signature;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signature's title, summary and remediation: text with {@code {field}} placeholders. */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Templates() {}

    /** Fills the placeholders from the fields; a missing field leaves its name in braces. Null stays null. */
    public static String render(String template, Map<String, String> fields) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    static List<String> placeholders(String template) {
        return template == null
                ? List.of()
                : PLACEHOLDER.matcher(template).results().map(r -> r.group(1)).toList();
    }
}
