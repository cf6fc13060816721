package dev.rootline.incident;

import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An app on an emptied database with every bundled {@code cause} signature disabled. */
public class WithoutCauseSignatures extends FreshDatabase {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        try {
            config.put(
                    "rootline.signatures-disabled",
                    BundledSignaturesTest.bundled().stream()
                            .filter(d -> d.role() == Role.CAUSE)
                            .map(SignatureDefinition::id)
                            .collect(Collectors.joining(",")));
        } catch (Exception e) {
            throw new IllegalStateException("the bundled signatures", e);
        }
        return config;
    }
}
