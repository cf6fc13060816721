package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.engine.event.LogEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A signature ready to run: its regex compiled with RE2 semantics (linear time, whatever the pattern), its
 * prefilter literal, and its conditions. Immutable and safe to share between threads.
 */
public final class CompiledSignature {

    /** From this many characters on, a line-bound regex runs on the lines with its literals only. */
    private static final int LONG = 2048;

    private final SignatureDefinition definition;
    private final Pattern message;
    private final List<String> groups;
    private final List<List<String>> literals;
    private final java.util.regex.Pattern logName;
    /** The regex matches within one line, and has required literals to find those lines by. */
    private final boolean lineBound;

    CompiledSignature(SignatureDefinition definition, Pattern message, List<String> groups, List<List<String>> literals,
                      java.util.regex.Pattern logName) {
        this.definition = definition;
        this.message = message;
        this.groups = groups;
        this.literals = literals;
        this.logName = logName;
        this.lineBound = !literals.isEmpty() && LineBound.of(definition.match().message());
    }

    public String id() {
        return definition.id();
    }

    public SignatureDefinition definition() {
        return definition;
    }

    /**
     * The prefilter keys: groups of lowercased alternatives, and every match contains one literal of each group.
     * Empty when the regex must run on every line.
     */
    public List<List<String>> literals() {
        return literals;
    }

    /**
     * Matches one event.
     *
     * @param entryJson the event's first entry as a JSON tree, parsed only if a field condition needs it
     */
    Optional<Match> match(LogEvent event, Function<LogEvent, JsonNode> entryJson) {
        SignatureDefinition.MatchSpec spec = definition.match();
        if (!event.severity().atLeast(spec.minSeverity())) {
            return Optional.empty();
        }
        if (spec.resourceType().isPresent() && !spec.resourceType().get().equals(event.scope().resourceType())) {
            return Optional.empty();
        }
        if (logName != null && !logName.matcher(event.logName()).matches()) {
            return Optional.empty();
        }
        Matcher m = find(event.message());
        if (m == null) {
            return Optional.empty();
        }
        if (!spec.fields().isEmpty() && !fieldsEqual(entryJson.apply(event))) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String group : groups) {
            String value = m.group(group);
            if (value != null) {
                fields.put(group, value.strip());
            }
        }
        return Optional.of(new Match(this, event, m.group(), fields));
    }

    /**
     * The first match, or null. On a long message a line-bound regex runs only on the lines holding one of its
     * first literal group's words: its match, if any, lies in one of them, and the earliest such line has the
     * first match.
     */
    private Matcher find(String text) {
        if (!lineBound || text.length() < LONG) {
            Matcher m = message.matcher(text);
            return m.find() ? m : null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) { // a character that lowercases to two: positions would not line up
            Matcher m = message.matcher(text);
            return m.find() ? m : null;
        }
        TreeSet<Integer> lines = new TreeSet<>();
        for (String literal : literals.get(0)) {
            for (int at = lower.indexOf(literal); at >= 0; at = lower.indexOf(literal, at + 1)) {
                lines.add(text.lastIndexOf('\n', at) + 1);
            }
        }
        for (int start : lines) {
            int end = text.indexOf('\n', start);
            Matcher m = message.matcher(text.substring(start, end < 0 ? text.length() : end));
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    private boolean fieldsEqual(JsonNode entry) {
        for (Map.Entry<String, String> condition : definition.match().fields().entrySet()) {
            JsonNode node = entry;
            for (String step : condition.getKey().split("\\.")) {
                node = node == null ? null : node.get(step);
            }
            if (node == null || !node.asText().equals(condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CompiledSignature[" + id() + "]";
    }
}
