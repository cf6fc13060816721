package dev.rootline.engine.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups messages into {@link Template}s online, in the manner of Drain (He et al., ICWS 2017): mask the variables
 * the rules know, split into tokens, route by token count and the first few tokens through a fixed-depth tree, and
 * join the most similar template at the leaf, or start a new one. Unlike Drain, a masked token equals a template's
 * variable, so messages that are mostly masked, or short, join one template instead of making a new one each time;
 * and the number of templates is bounded, the least recently seen forgotten first. Not thread-safe.
 */
public final class TemplateMiner {

    private final MinerConfig config;
    private final String namespace;
    private final Map<Integer, Node> byLength = new HashMap<>();
    /** Every template, least recently seen first. */
    private final LinkedHashMap<String, Placed> templates = new LinkedHashMap<>(256, 0.75f, true);

    private final int[] variables = new int[1];

    /** @param namespace what template ids are unique within (a service, say): it is part of each id */
    public TemplateMiner(MinerConfig config, String namespace) {
        this.config = config;
        this.namespace = namespace;
    }

    /** What became of one message. */
    public record Mined(Template template, boolean created) {}

    public Mined add(String message) {
        String[] tokens = tokens(message);
        Node leaf = leaf(tokens);
        Template best = null;
        double bestSimilarity = -1;
        int bestVariables = -1;
        for (Template candidate : leaf.templates) {
            double s = candidate.similarity(tokens, variables);
            if (s > bestSimilarity || (s == bestSimilarity && variables[0] > bestVariables)) {
                best = candidate;
                bestSimilarity = s;
                bestVariables = variables[0];
            }
        }
        if (best != null && bestSimilarity >= config.similarity()) {
            best.absorb(tokens);
            templates.get(best.id()); // marks it recently seen
            return new Mined(best, false);
        }
        Template made = new Template(id(tokens), tokens, 1);
        place(made, leaf);
        return new Mined(made, true);
    }

    /** Puts back a template kept from an earlier run, with its id and count. */
    public Template restore(String id, String text, long count) {
        String[] tokens = text.isEmpty() ? new String[0] : text.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i].equals(Template.VARIABLE) ? Template.VARIABLE : tokens[i];
        }
        Template restored = new Template(id, tokens, count);
        place(restored, leaf(tokens));
        return restored;
    }

    public int size() {
        return templates.size();
    }

    /** The message as tokens: masked, split on white space, each variable the one {@link Template#VARIABLE}. */
    String[] tokens(String message) {
        String masked = message;
        for (MaskRule rule : config.masks()) {
            masked = rule.apply(masked);
        }
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= masked.length(); i++) {
            boolean space = i == masked.length() || Character.isWhitespace(masked.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                tokens.add(variableOrToken(masked.substring(start, i)));
                start = -1;
            }
        }
        return tokens.toArray(new String[0]);
    }

    /**
     * A token is a variable if it holds a digit (with {@code digitVariables}), or if it is nothing but masked
     * variables and punctuation, such as {@code <*>,<*>} for a list of addresses: its length varies.
     */
    private String variableOrToken(String token) {
        boolean masked = token.contains(Template.VARIABLE);
        String rest = masked ? token.replace(Template.VARIABLE, "") : token;
        boolean wordy = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (config.digitVariables() && Character.isDigit(c)) {
                return Template.VARIABLE;
            }
            wordy |= Character.isLetterOrDigit(c);
        }
        return masked && !wordy ? Template.VARIABLE : token;
    }

    private void place(Template template, Node leaf) {
        if (templates.size() >= config.maxTemplates()) {
            Iterator<Placed> eldest = templates.values().iterator();
            Placed forgotten = eldest.next();
            forgotten.leaf.templates.remove(forgotten.template);
            eldest.remove();
        }
        leaf.templates.add(template);
        templates.put(template.id(), new Placed(template, leaf));
    }

    /** The leaf a token sequence routes to, as Drain's tree does; digits and overflow go through {@code <*>}. */
    private Node leaf(String[] tokens) {
        Node node = byLength.computeIfAbsent(tokens.length, n -> new Node());
        int depth = Math.min(config.prefixTokens(), tokens.length);
        for (int i = 0; i < depth; i++) {
            String token = tokens[i];
            Node next = node.children.get(token);
            if (next == null) {
                String key = token == Template.VARIABLE || node.children.size() >= config.maxChildren() - 1
                        ? Template.VARIABLE
                        : token;
                next = node.children.computeIfAbsent(key, k -> new Node());
            }
            node = next;
        }
        return node;
    }

    private String id(String[] tokens) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(namespace.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.join(" ", tokens).getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(sha.digest(), 0, 8);
            for (int n = 2; templates.containsKey(id); n++) { // the same first message, after it was forgotten
                id = id.substring(0, 16) + "-" + n;
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Template> templates = new ArrayList<>(2);
    }

    private record Placed(Template template, Node leaf) {}
}
