package dev.rootline.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * The unknown-error template miner. Every key can be set from the environment: {@code ROOTLINE_TEMPLATES_...}.
 */
@ConfigMapping(prefix = "rootline.templates")
public interface TemplatesConfig {

    /** The most templates kept per service; the least recently seen is forgotten to make room. */
    @WithDefault("2000")
    @Positive
    int maxPerService();

    /** The least share of equal tokens (0 to 1) for an error line to join a template. */
    @WithDefault("0.7")
    @DecimalMin("0")
    @DecimalMax("1")
    double similarity();

    /**
     * Masks for variables of your own logs, by name, as regular expressions, e.g.
     * {@code rootline.templates.masks.order-id=ORD-[A-Z0-9]+}: every match becomes {@code <*>}. Numbers, ids,
     * IPs, UUIDs, hex, timestamps, URLs, e-mail addresses and paths are masked already.
     */
    Map<String, String> masks();
}
