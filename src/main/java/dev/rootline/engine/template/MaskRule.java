package dev.rootline.engine.template;

import java.util.regex.Pattern;

/**
 * A kind of variable, as data: what it looks like ({@code pattern}), and text that any match contains
 * ({@code trigger}; empty for none), so that a message without it skips the rule cheaply. Every match becomes {@code <*>}, or,
 * with {@code remove}, disappears (for optional parts, such as Proxifier's "(1.16 KB)").
 */
public record MaskRule(String name, Pattern pattern, String trigger, boolean remove) {

    public MaskRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mask rule needs a name");
        }
    }

    public static MaskRule of(String name, String regex, String trigger) {
        return new MaskRule(name, Pattern.compile(regex), trigger, false);
    }

    public static MaskRule removing(String name, String regex, String trigger) {
        return new MaskRule(name, Pattern.compile(regex), trigger, true);
    }

    String apply(String message) {
        if (!message.contains(trigger)) {
            return message;
        }
        return pattern.matcher(message).replaceAll(remove ? "" : Template.VARIABLE);
    }
}
