package dev.rootline.engine.signature;

import dev.rootline.engine.event.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a signature file (a YAML list of signatures) into definitions, keeping the line of every signature so
 * that any later error can name it. Unknown keys are errors: a typo must not silently disable a condition.
 */
public final class SignatureYaml {

    private static final Set<String> KEYS = Set.of(
            "id",
            "title",
            "category",
            "role",
            "severity",
            "scope",
            "match",
            "fingerprint",
            "explains",
            "yields",
            "latent",
            "differs",
            "summary",
            "remediation",
            "examples");
    private static final Set<String> MATCH_KEYS = Set.of("message", "minSeverity", "logName", "resourceType", "fields");
    private static final Set<String> EXAMPLE_KEYS = Set.of("match", "no_match");

    /** Largest signature file read, in characters: a pack of a few hundred signatures is a few hundred kilobytes. */
    public static final int MAX_FILE_CHARS = 1 << 20;

    private SignatureYaml() {}

    public static List<SignatureDefinition> parse(String file, String yaml) throws InvalidSignatureException {
        if (yaml.length() > MAX_FILE_CHARS) {
            throw new InvalidSignatureException(
                    new SignatureDefinition.Origin(file, 1),
                    "is " + yaml.length() + " characters long; the limit is " + MAX_FILE_CHARS);
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new InvalidSignatureException(
                    new SignatureDefinition.Origin(file, line), "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidSignatureException(
                    new SignatureDefinition.Origin(file, 1), "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new InvalidSignatureException(origin(file, root), "a signature file is a YAML list of signatures");
        }
        List<SignatureDefinition> definitions = new ArrayList<>();
        for (Node item : list.getValue()) {
            definitions.add(definition(file, item));
        }
        return definitions;
    }

    private static SignatureDefinition definition(String file, Node node) throws InvalidSignatureException {
        SignatureDefinition.Origin origin = origin(file, node);
        Map<String, Node> fields = mapping(origin, node, KEYS, "a signature");
        Map<String, Node> match = mapping(origin, required(origin, fields, "match"), MATCH_KEYS, "match");
        Map<String, Node> examples = mapping(origin, required(origin, fields, "examples"), EXAMPLE_KEYS, "examples");
        String id = text(origin, required(origin, fields, "id"));
        SignatureDefinition.MatchSpec spec = new SignatureDefinition.MatchSpec(
                text(origin, required(origin, match, "message")),
                severity(origin, optionalText(origin, match.get("minSeverity")).orElse("DEFAULT")),
                optionalText(origin, match.get("logName")),
                optionalText(origin, match.get("resourceType")),
                stringMap(origin, match.get("fields")));
        return new SignatureDefinition(
                id,
                text(origin, required(origin, fields, "title")),
                category(origin, text(origin, required(origin, fields, "category"))),
                enumValue(origin, Role.class, text(origin, required(origin, fields, "role"))),
                enumValue(origin, SignatureSeverity.class, text(origin, required(origin, fields, "severity"))),
                enumValue(
                        origin,
                        MatchScope.class,
                        optionalText(origin, fields.get("scope")).orElse("instance")),
                spec,
                list(origin, fields.get("fingerprint")),
                list(origin, fields.get("explains")),
                flag(origin, fields.get("yields")),
                flag(origin, fields.get("latent")),
                list(origin, fields.get("differs")),
                optionalText(origin, fields.get("summary")).orElse(null),
                optionalText(origin, fields.get("remediation")).orElse(null),
                new SignatureDefinition.Examples(
                        list(origin, examples.get("match")), list(origin, examples.get("no_match"))),
                origin);
    }

    private static SignatureDefinition.Origin origin(String file, Node node) {
        return new SignatureDefinition.Origin(file, node.getStartMark().getLine() + 1);
    }

    private static Map<String, Node> mapping(
            SignatureDefinition.Origin origin, Node node, Set<String> allowed, String what)
            throws InvalidSignatureException {
        if (!(node instanceof MappingNode m)) {
            throw new InvalidSignatureException(at(origin, node), what + " must be a mapping");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : m.getValue()) {
            String key = text(origin, tuple.getKeyNode());
            if (!allowed.contains(key)) {
                throw new InvalidSignatureException(
                        at(origin, tuple.getKeyNode()),
                        "unknown key '" + key + "' in " + what + " (known: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private static Node required(SignatureDefinition.Origin origin, Map<String, Node> fields, String key)
            throws InvalidSignatureException {
        Node node = fields.get(key);
        if (node == null) {
            throw new InvalidSignatureException(origin, "missing '" + key + "'");
        }
        return node;
    }

    private static String text(SignatureDefinition.Origin origin, Node node) throws InvalidSignatureException {
        if (!(node instanceof ScalarNode scalar)) {
            throw new InvalidSignatureException(at(origin, node), "expected a string");
        }
        return scalar.getValue();
    }

    private static Optional<String> optionalText(SignatureDefinition.Origin origin, Node node)
            throws InvalidSignatureException {
        return node == null ? Optional.empty() : Optional.of(text(origin, node));
    }

    private static boolean flag(SignatureDefinition.Origin origin, Node node) throws InvalidSignatureException {
        String value = optionalText(origin, node).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidSignatureException(at(origin, node), "expected true or false, found '" + value + "'");
        }
        return value.equals("true");
    }

    private static List<String> list(SignatureDefinition.Origin origin, Node node) throws InvalidSignatureException {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new InvalidSignatureException(at(origin, node), "expected a list");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            values.add(text(origin, item));
        }
        return List.copyOf(values);
    }

    private static Map<String, String> stringMap(SignatureDefinition.Origin origin, Node node)
            throws InvalidSignatureException {
        if (node == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            throw new InvalidSignatureException(at(origin, node), "match.fields must be a mapping");
        }
        for (NodeTuple tuple : m.getValue()) {
            values.put(text(origin, tuple.getKeyNode()), text(origin, tuple.getValueNode()));
        }
        return Map.copyOf(values);
    }

    private static Severity severity(SignatureDefinition.Origin origin, String name) throws InvalidSignatureException {
        Optional<Severity> severity = Severity.ofLogSeverity(name.toUpperCase(Locale.ROOT));
        if (severity.isEmpty()) {
            throw new InvalidSignatureException(origin, "minSeverity '" + name + "' is not a LogSeverity");
        }
        return severity.get();
    }

    private static Category category(SignatureDefinition.Origin origin, String name) throws InvalidSignatureException {
        Optional<Category> category = Category.ofYamlName(name);
        if (category.isEmpty()) {
            throw new InvalidSignatureException(origin, "'" + name + "' is not a category (see signatures/README.md)");
        }
        return category.get();
    }

    private static <E extends Enum<E>> E enumValue(SignatureDefinition.Origin origin, Class<E> type, String name)
            throws InvalidSignatureException {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(
                    origin,
                    "'" + name + "' is not a " + type.getSimpleName() + " (one of "
                            + java.util.Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList()
                            + ")");
        }
    }

    private static SignatureDefinition.Origin at(SignatureDefinition.Origin origin, Node node) {
        return node == null
                ? origin
                : new SignatureDefinition.Origin(
                        origin.file(), node.getStartMark().getLine() + 1);
    }
}
