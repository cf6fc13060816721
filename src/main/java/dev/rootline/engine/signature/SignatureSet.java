package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** For each literal of the automaton, the (signature, group) pairs it satisfies, packed as signature << 6 | group. */
    private final List<int[]> byLiteral;
    /** For each signature, the bit mask of all its groups: a candidate once every group is satisfied. */
    private final long[] allGroups;
    private final LiteralAutomaton automaton;

    SignatureSet(List<CompiledSignature> signatures) {
        this.signatures = List.copyOf(signatures);
        List<String> literals = new ArrayList<>();
        List<List<Integer>> owners = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        allGroups = new long[signatures.size()];
        for (int i = 0; i < signatures.size(); i++) {
            List<List<String>> groups = signatures.get(i).literals();
            if (groups.isEmpty()) {
                always.add(i);
                continue;
            }
            int kept = Math.min(groups.size(), 64); // a conjunction of the first 64 groups is still a sound filter
            allGroups[i] = kept == 64 ? -1L : (1L << kept) - 1;
            for (int g = 0; g < kept; g++) {
                for (String literal : groups.get(g)) {
                    Integer at = index.get(literal);
                    if (at == null) {
                        at = literals.size();
                        index.put(literal, at);
                        literals.add(literal);
                        owners.add(new ArrayList<>());
                    }
                    owners.get(at).add(i << 6 | g);
                }
            }
        }
        unfiltered = always.stream().mapToInt(Integer::intValue).toArray();
        byLiteral = owners.stream().map(o -> o.stream().mapToInt(Integer::intValue).toArray()).toList();
        automaton = new LiteralAutomaton(literals);
    }

    public List<CompiledSignature> signatures() {
        return signatures;
    }

    /** Every signature that matches the event, in definition order. */
    public List<Match> match(LogEvent event) {
        BitSet literals = new BitSet(byLiteral.size());
        automaton.scan(event.message(), literals);
        BitSet candidates = new BitSet(signatures.size());
        for (int i : unfiltered) {
            candidates.set(i);
        }
        if (!literals.isEmpty()) {
            Map<Integer, Long> satisfied = new HashMap<>();
            for (int l = literals.nextSetBit(0); l >= 0; l = literals.nextSetBit(l + 1)) {
                for (int owner : byLiteral.get(l)) {
                    int signature = owner >>> 6;
                    long groups = satisfied.merge(signature, 1L << (owner & 63), (a, b) -> a | b);
                    if (groups == allGroups[signature]) {
                        candidates.set(signature);
                    }
                }
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
