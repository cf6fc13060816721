package dev.rootline.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signature to start from, made of a template: its literal tokens as a regular expression, its variables as
 * {@code \S+}, its real messages as examples. The YAML structure of {@code signatures/}, for someone to name,
 * place in the explains graph and review. With two samples or more it loads and passes its examples as it is.
 */
public final class SignatureDraft {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\.\\[\\]{}()*+?^$|])");

    private SignatureDraft() {}

    /** The signature as YAML would hold it: a one-element list, ready to append to a pack. */
    public static List<Map<String, Object>> of(String templateId, String template, List<String> samples) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("id", "draft." + templateId);
        signature.put("title", template.length() > 120 ? template.substring(0, 120) : template);
        signature.put("category", "exception");
        signature.put("role", "cause");
        signature.put("severity", "medium");
        signature.put("scope", "instance");
        signature.put("match", Map.of("message", regex(template)));
        signature.put("explains", List.of());
        signature.put("summary", "TODO: what this error means. Seen as: " + template);
        signature.put("remediation", "TODO: what to do about it.");
        // a template seen once has one sample, and a signature needs two: the second is for its author to add
        signature.put(
                "examples",
                Map.of("match", samples, "no_match", List.of("TODO: a similar message this must not match")));
        return List.of(signature);
    }

    /** The template's literal text, escaped, between variables and runs of white space. */
    static String regex(String template) {
        List<String> tokens = new ArrayList<>();
        for (String token : template.split(" ")) {
            String[] parts = token.split(Pattern.quote(Template.VARIABLE), -1);
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                t.append(i == 0 ? "" : token.equals(Template.VARIABLE) ? "\\S+" : "\\S*");
                t.append(SPECIAL.matcher(parts[i]).replaceAll("\\\\$1"));
            }
            tokens.add(t.toString());
        }
        return String.join("\\s+", tokens);
    }
}
