package dev.rootline.incident;

import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.CompiledSignature;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signatures one correlation works with: the set loaded when it began, each definition by id, and the
 * signatures read as context before a batch (those that can explain, and unknown errors, which can be candidates).
 */
record LoadedSignatures(SignatureSet set, Map<String, SignatureDefinition> definitions, Set<String> context) {

    static LoadedSignatures of(SignatureSet set) {
        Map<String, SignatureDefinition> definitions = set.signatures().stream()
                .map(CompiledSignature::definition)
                .collect(Collectors.toMap(SignatureDefinition::id, d -> d, (a, b) -> a));
        Set<String> context = new HashSet<>(Set.of(Signal.UNKNOWN_ERROR));
        definitions.values().stream().filter(d -> !d.explains().isEmpty()).forEach(d -> context.add(d.id()));
        return new LoadedSignatures(set, definitions, Set.copyOf(context));
    }

    /** A loaded signature's definition; null for one no longer loaded. */
    SignatureDefinition definition(String id) {
        return definitions.get(id);
    }
}
