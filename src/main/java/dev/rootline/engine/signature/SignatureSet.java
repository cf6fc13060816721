package dev.rootline.engine.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every compiled signature, matched together: one pass of a literal automaton over the message picks the
 * candidates, and only their regexes run. The cost per line grows with its length, not with the number of
 * signatures.
 */
public final class SignatureSet {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The automaton looks for this many first characters of a literal: a line with the literal has them, and
     * bounding the trie's depth keeps the states a scan walks through few enough to stay in cache.
     */
    private static final int KEY_LENGTH = 12;

    private final List<CompiledSignature> signatures;
    /** Signatures whose regex has no required literal: they run on every line. */
    private final int[] unfiltered;
    /**
     * A unit is one branch of one signature's prefilter: the signature is a candidate once every group of one of
     * its units is satisfied. For each literal of the automaton, the (unit, group) pairs it satisfies, packed as
     * unit << 6 | group: literal l's are {@code owners[ownersFrom[l]]} up to {@code owners[ownersFrom[l + 1]]},
     * in one array, which a lookup finds in cache more often than one array per literal.
     */
    private final int[] owners;

    private final int[] ownersFrom;
    /** For each unit, its signature. */
    private final int[] signatureOf;
    /** For each unit, the bit mask of all its groups. */
    private final long[] allGroups;

    private final LiteralAutomaton automaton;

    SignatureSet(List<CompiledSignature> signatures) {
        this.signatures = List.copyOf(signatures);
        List<String> literals = new ArrayList<>();
        List<List<Integer>> ownersByLiteral = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        List<Long> masks = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            Prefilter prefilter = signatures.get(i).prefilter();
            if (prefilter.everyLine()) {
                always.add(i);
                continue;
            }
            for (Conjunction branch : prefilter.branches()) {
                List<List<String>> groups = branch.groups();
                if (signatures.get(i).isLiteralChain()) {
                    // its chain looks for every literal with indexOf anyway: the scan need only find the longest
                    groups = List.of(Collections.max(groups, Comparator.comparingInt(SignatureSet::shortest)));
                }
                int unit = units.size();
                int kept = Math.min(groups.size(), 64); // a conjunction of the first 64 groups is still a sound filter
                units.add(i);
                masks.add(kept == 64 ? -1L : (1L << kept) - 1);
                for (int g = 0; g < kept; g++) {
                    for (String literal : groups.get(g)) {
                        String key = literal.length() > KEY_LENGTH ? literal.substring(0, KEY_LENGTH) : literal;
                        int at = index.computeIfAbsent(key, l -> {
                            literals.add(l);
                            ownersByLiteral.add(new ArrayList<>());
                            return literals.size() - 1;
                        });
                        ownersByLiteral.get(at).add(unit << 6 | g);
                    }
                }
            }
        }
        unfiltered = always.stream().mapToInt(Integer::intValue).toArray();
        ownersFrom = new int[ownersByLiteral.size() + 1];
        for (int l = 0; l < ownersByLiteral.size(); l++) {
            ownersFrom[l + 1] = ownersFrom[l] + ownersByLiteral.get(l).size();
        }
        owners = ownersByLiteral.stream()
                .flatMap(List::stream)
                .mapToInt(Integer::intValue)
                .toArray();
        signatureOf = units.stream().mapToInt(Integer::intValue).toArray();
        allGroups = masks.stream().mapToLong(Long::longValue).toArray();
        automaton = new LiteralAutomaton(literals);
    }

    private static int shortest(List<String> alternatives) {
        return alternatives.stream().mapToInt(String::length).min().orElse(0);
    }

    public List<CompiledSignature> signatures() {
        return signatures;
    }

    /** Every signature that matches the event, in definition order. */
    public List<Match> match(LogEvent event) {
        return match(event, (signature, failure) -> {});
    }

    /**
     * Every signature that matches the event, in definition order. A signature whose regex fails on the line
     * (neither engine can run it) is skipped for that line and reported, so one bad regex cannot fail an ingest.
     */
    public List<Match> match(LogEvent event, BiConsumer<CompiledSignature, Throwable> onFailure) {
        BitSet literals = new BitSet(); // sized by the hits, not by the literals: most lines hit few
        automaton.scan(event.message(), literals);
        BitSet candidates = new BitSet();
        for (int i : unfiltered) {
            candidates.set(i);
        }
        int[] partial = new int[16]; // (unit, group) pairs of units with several groups, sorted below
        int pairs = 0;
        for (int l = literals.nextSetBit(0); l >= 0; l = literals.nextSetBit(l + 1)) {
            for (int o = ownersFrom[l]; o < ownersFrom[l + 1]; o++) {
                int owner = owners[o];
                int unit = owner >>> 6;
                if (allGroups[unit] == 1) {
                    candidates.set(signatureOf[unit]);
                } else {
                    partial = pairs == partial.length ? Arrays.copyOf(partial, pairs * 2) : partial;
                    partial[pairs++] = owner;
                }
            }
        }
        Arrays.sort(partial, 0, pairs);
        long groups = 0;
        for (int i = 0; i < pairs; i++) {
            int unit = partial[i] >>> 6;
            groups = (i > 0 && partial[i - 1] >>> 6 == unit ? groups : 0) | 1L << (partial[i] & 63);
            if (groups == allGroups[unit]) {
                candidates.set(signatureOf[unit]);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(2);
        Function<LogEvent, JsonNode> entryJson = new EntryTree();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            try {
                signatures.get(i).match(event, entryJson).ifPresent(matches::add);
            } catch (RuntimeException | StackOverflowError e) {
                onFailure.accept(signatures.get(i), e);
            }
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
