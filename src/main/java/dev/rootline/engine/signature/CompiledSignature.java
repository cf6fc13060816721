package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.engine.event.LogEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A signature ready to run: its regex compiled with RE2 semantics (linear time, whatever the pattern), its
 * prefilter literal, and its conditions. Immutable and safe to share between threads.
 */
public final class CompiledSignature {

    private final SignatureDefinition definition;
    private final Pattern message;
    private final List<String> groups;
    private final List<List<String>> literals;
    private final java.util.regex.Pattern logName;

    CompiledSignature(SignatureDefinition definition, Pattern message, List<String> groups, List<List<String>> literals,
                      java.util.regex.Pattern logName) {
        this.definition = definition;
        this.message = message;
        this.groups = groups;
        this.literals = literals;
        this.logName = logName;
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
        Matcher m = message.matcher(event.message());
        if (!m.find()) {
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
