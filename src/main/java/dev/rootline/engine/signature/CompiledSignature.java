package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.engine.event.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A signature ready to run: its regex compiled with RE2 semantics (linear time, whatever the pattern), its
 * prefilter literal, and its conditions. Immutable and safe to share between threads.
 */
public final class CompiledSignature {

    private final SignatureDefinition definition;
    private final Pattern message;
    private final List<String> groups;
    private final List<List<String>> literals;
    private final Prefilter prefilter;
    /** Groups of literals a line must hold exactly as written, checked before the regex runs. */
    private final List<List<String>> exactCase;

    private final java.util.regex.Pattern logName;
    /** The regex matches within one line, and has required literals to find those lines by. */
    private final boolean lineBound;
    /** The regex as literals and lazy groups, matched without running it; null when it is more than that. */
    private final LiteralChain chain;
    /** The regex for java.util.regex under a budget, RE2/J's stand-in; null when only RE2/J may run it. */
    private final BudgetedRegex budgeted;

    CompiledSignature(
            SignatureDefinition definition,
            Pattern message,
            List<String> groups,
            List<List<String>> literals,
            java.util.regex.Pattern logName) {
        this.definition = definition;
        this.message = message;
        this.groups = groups;
        this.literals = literals;
        this.logName = logName;
        this.lineBound = !literals.isEmpty() && LineBound.of(definition.match().message());
        this.chain = LiteralChain.of(definition.match().message());
        this.budgeted = chain == null ? BudgetedRegex.of(definition.match().message()) : null;
        this.prefilter = RequiredLiterals.branches(definition.match().message());
        this.exactCase =
                chain == null ? RequiredLiterals.exactCase(definition.match().message()) : List.of();
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

    /** What a line must hold to be a candidate: one of the conjunctions of a top-level alternation's branches. */
    public Prefilter prefilter() {
        return prefilter;
    }

    /** Whether the regex is a {@link LiteralChain}, which confirms a candidate by finding each literal in turn. */
    boolean isLiteralChain() {
        return chain != null;
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
        if (spec.resourceType().isPresent()
                && !spec.resourceType().get().equals(event.scope().resourceType())) {
            return Optional.empty();
        }
        if (logName != null && !logName.matcher(event.logName()).matches()) {
            return Optional.empty();
        }
        Optional<Match> match = chain != null ? chainMatch(event) : regexMatch(event);
        if (match.isPresent() && !spec.fields().isEmpty() && !fieldsEqual(entryJson.apply(event))) {
            return Optional.empty();
        }
        return match;
    }

    private Optional<Match> chainMatch(LogEvent event) {
        String text = event.message();
        int[] spans = chain.find(text);
        if (spans == null) {
            return Optional.empty();
        }
        Map<String, String> fields = Map.of(); // most template-made chains name no group
        if (!groups.isEmpty()) {
            fields = new LinkedHashMap<>();
            List<String> names = chain.groupNames();
            for (int g = 0; g < names.size(); g++) {
                if (names.get(g) != null) {
                    fields.put(names.get(g), capped(text.substring(spans[2 + 2 * g], spans[3 + 2 * g])));
                }
            }
        }
        return Optional.of(new Match(this, event, text.substring(spans[0], spans[1]), fields));
    }

    private Optional<Match> regexMatch(LogEvent event) {
        String text = event.message();
        for (List<String> group : exactCase) {
            if (group.stream().noneMatch(text::contains)) {
                return Optional.empty();
            }
        }
        for (String region : regions(text)) {
            Match match = budgeted == null ? re2Match(event, region) : budgetedMatch(event, region);
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    /**
     * Backtracking within its budget, else RE2/J. The budget bounds the characters read, not the depth of the
     * recursion, which a loop over an alternation can push past the stack on a long line: RE2/J runs that line.
     */
    private Match budgetedMatch(LogEvent event, String region) {
        java.util.regex.Matcher m;
        try {
            m = budgeted.find(region);
        } catch (BudgetedRegex.OverBudget | StackOverflowError e) {
            return re2Match(event, region);
        }
        return m == null ? null : new Match(this, event, m.group(), fields(m::group));
    }

    private Match re2Match(LogEvent event, String region) {
        Matcher m = message.matcher(region);
        return m.find() ? new Match(this, event, m.group(), fields(m::group)) : null;
    }

    /** A captured value, stripped and cut to {@link Match#MAX_FIELD_LENGTH}. */
    private static String capped(String value) {
        String v = value.strip();
        return v.length() <= Match.MAX_FIELD_LENGTH ? v : v.substring(0, Match.MAX_FIELD_LENGTH - 1) + "…";
    }

    private Map<String, String> fields(UnaryOperator<String> group) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : groups) {
            String value = group.apply(name);
            if (value != null) {
                fields.put(name, capped(value));
            }
        }
        return fields;
    }

    /**
     * Where to search, in order: the message, or on a message of several lines for a line-bound regex, only the
     * lines holding one of its required words. Its match, if any, lies in one of them, and the earliest such line
     * has the first match. A case-sensitive regex's words are looked for as written, which skips the lines that
     * only hold them in another case.
     */
    private List<String> regions(String text) {
        if (!lineBound || text.indexOf('\n') < 0) {
            return List.of(text);
        }
        String searched = exactCase.isEmpty() ? text.toLowerCase(Locale.ROOT) : text;
        if (searched.length() != text.length()) { // a character that lowercases to two: positions would not line up
            return List.of(text);
        }
        TreeSet<Integer> starts = new TreeSet<>();
        for (String literal : exactCase.isEmpty() ? literals.get(0) : exactCase.get(0)) {
            for (int at = searched.indexOf(literal); at >= 0; at = searched.indexOf(literal, at + 1)) {
                starts.add(text.lastIndexOf('\n', at) + 1);
            }
        }
        List<String> lines = new ArrayList<>(starts.size());
        for (int start : starts) {
            int end = text.indexOf('\n', start);
            lines.add(text.substring(start, end < 0 ? text.length() : end));
        }
        return lines;
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
