package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every compiled signature, matched together: one pass of a literal automaton over the message picks the
 * candidates, and only their regexes run. The cost per line grows with its length, not with the number of
 * signatures.
 */
public final class SignatureSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CompiledSignature> signatures;
    /** Signatures whose regex has no required literal: they run on every line. */
    private final int[] unfiltered;
    /** For each literal of the automaton, the signatures that require it. */
    private final List<int[]> byLiteral;
    private final LiteralAutomaton automaton;

    SignatureSet(List<CompiledSignature> signatures) {
        this.signatures = List.copyOf(signatures);
        List<String> literals = new ArrayList<>();
        List<List<Integer>> owners = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            String literal = signatures.get(i).literal();
            if (literal == null) {
                always.add(i);
                continue;
            }
            int at = literals.indexOf(literal);
            if (at < 0) {
                literals.add(literal);
                owners.add(new ArrayList<>());
                at = literals.size() - 1;
            }
            owners.get(at).add(i);
        }
        unfiltered = always.stream().mapToInt(Integer::intValue).toArray();
        byLiteral = owners.stream().map(o -> o.stream().mapToInt(Integer::intValue).toArray()).toList();
        automaton = new LiteralAutomaton(literals);
    }

    public static SignatureSet empty() {
        return new SignatureSet(List.of());
    }

    public List<CompiledSignature> signatures() {
        return signatures;
    }

    /** Every signature that matches the event, in definition order. */
    public List<Match> match(LogEvent event) {
        BitSet candidates = new BitSet(signatures.size());
        for (int i : unfiltered) {
            candidates.set(i);
        }
        BitSet literals = new BitSet(byLiteral.size());
        automaton.scan(event.message(), literals);
        for (int l = literals.nextSetBit(0); l >= 0; l = literals.nextSetBit(l + 1)) {
            for (int i : byLiteral.get(l)) {
                candidates.set(i);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(2);
        Function<LogEvent, JsonNode> entryJson = new EntryTree();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Optional<Match> match = signatures.get(i).match(event, entryJson);
            match.ifPresent(matches::add);
        }
        return matches;
    }

    /** The first entry of an event as a tree, parsed at most once, and only if a field condition asks. */
    private static final class EntryTree implements Function<LogEvent, JsonNode> {
        private JsonNode tree;

        @Override
        public JsonNode apply(LogEvent event) {
            if (tree == null) {
                try {
                    tree = JSON.readTree(event.entries().get(0));
                } catch (IOException e) {
                    tree = JSON.createObjectNode();
                }
            }
            return tree;
        }
    }
}
