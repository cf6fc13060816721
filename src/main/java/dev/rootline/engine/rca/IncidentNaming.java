package dev.rootline.engine.rca;

import dev.rootline.engine.signature.Category;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSeverity;
import dev.rootline.engine.signature.Templates;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an incident and its chain steps are called and how serious they are, from their root lines: a known root
 * by its signature's templates, an unknown one by its headline.
 */
public final class IncidentNaming {

    /** Values of one field listed in a title: "rejected DATABASE_HOST, DATABASE_PASSWORD". */
    private static final int MAX_VALUES = 5;
    /** An unknown error's headline is cut here in a title: the rest is in its evidence. */
    private static final int HEADLINE_IN_TITLE = 200;

    private IncidentNaming() {}

    /** The title, summary and remediation of an incident whose latest burst of root lines is {@code burst}. */
    public record Naming(String title, String summary, String remediation) {}

    public static Naming of(List<Signal> burst) {
        Signal root = burst.get(0);
        Map<String, String> fields = merged(burst);
        SignatureDefinition sig = root.signature();
        if (sig == null) {
            return new Naming(title(root, fields), root.message().strip(), null);
        }
        return new Naming(
                title(root, fields),
                Templates.render(sig.summary() == null ? sig.title() : sig.summary(), fields),
                Templates.render(sig.remediation(), fields));
    }

    /** A chain step's title: its evidence line's. */
    public static String stepTitle(Signal signal) {
        return title(signal, signal.fields());
    }

    public static Category category(Signal root) {
        return root.known() ? root.signature().category() : Category.UNKNOWN;
    }

    /** An error no signature knows is presumed serious: it crashed something. */
    public static SignatureSeverity severity(Signal root) {
        return root.known() ? root.signature().severity() : SignatureSeverity.HIGH;
    }

    /** Only a known cause is a confident root; anything else rooted an incident for want of one. */
    public static Confidence confidence(Signal root) {
        return root.is(Role.CAUSE) ? Confidence.HIGH : Confidence.LOW;
    }

    /** Event order as one comparable string: time, then insertId, then key, as {@code ORDER BY} sorts the lines. */
    public static String order(Signal s) {
        return String.format("%019d", s.timeNanos())
                + '\u0001'
                + (s.insertId() == null ? "" : s.insertId())
                + '\u0001'
                + s.entryKey();
    }

    private static String title(Signal signal, Map<String, String> fields) {
        if (!signal.known()) {
            String line = signal.headline();
            return line.length() <= HEADLINE_IN_TITLE ? line : line.substring(0, HEADLINE_IN_TITLE);
        }
        return Templates.render(signal.signature().title(), fields);
    }

    /** Each field's distinct values across the root lines, listed together. */
    private static Map<String, String> merged(List<Signal> roots) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Signal root : roots) {
            root.fields()
                    .forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>())
                            .add(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().limit(MAX_VALUES).collect(Collectors.joining(", "))));
        return out;
    }
}
