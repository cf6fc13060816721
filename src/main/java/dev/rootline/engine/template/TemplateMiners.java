package dev.rootline.engine.template;

import java.util.List;

/**
 * The generic configuration: one set of masks and thresholds for any log. Numbers, ids, IPs, UUIDs, hex and
 * timestamps all hold digits, so the digit rule makes them variables token by token, which is cheaper than a
 * regular expression per kind (those cost half the throughput and changed no grouping on Loghub-2k). The masks
 * here are for the variables without digits.
 */
public final class TemplateMiners {

    private TemplateMiners() {}

    public static final List<MaskRule> MASKS = List.of(
            MaskRule.of("url", "\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+", "://"),
            MaskRule.of("email", "\\b[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+\\b", "@"),
            MaskRule.of("path", "(?<![\\w])(/[\\w.@-]+){2,}/?", "/"));

    public static MinerConfig defaults() {
        return new MinerConfig(MASKS, true, 2, 0.7, 100, 5_000);
    }
}
