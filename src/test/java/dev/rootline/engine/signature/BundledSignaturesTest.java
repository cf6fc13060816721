package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundled signature compiles, and every one of its examples behaves as written (the compiler checks them). */
public class BundledSignaturesTest {

    /** The packs in the repository's signatures/ folder, read from disk. */
    public static List<SignatureDefinition> bundled() throws IOException, InvalidSignatureException {
        List<SignatureDefinition> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("signatures"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(SignatureYaml.parse(file.toString(), Files.readString(file)));
            }
        }
        return all;
    }

    /** The bundled signatures by id, for tests that make signals of them. */
    public static Map<String, SignatureDefinition> byId() {
        try {
            return bundled().stream().collect(Collectors.toMap(SignatureDefinition::id, Function.identity()));
        } catch (IOException | InvalidSignatureException e) {
            throw new IllegalStateException("the bundled signatures load", e);
        }
    }

    @Test
    void everyExampleOfEveryBundledSignaturePasses() throws Exception {
        SignatureSet set = SignatureCompiler.compile(bundled());
        assertThat(set.signatures()).hasSizeGreaterThan(30);
    }

    @Test
    void thePacksCoverEveryAreaOfTheDesign() throws Exception {
        Set<Category> categories =
                bundled().stream().map(SignatureDefinition::category).collect(Collectors.toSet());
        assertThat(categories)
                .containsAll(EnumSet.of(
                        Category.CONTAINER,
                        Category.PROBE,
                        Category.RESOURCE_LIMIT,
                        Category.REQUEST,
                        Category.WORKER,
                        Category.STARTUP,
                        Category.IMPORT_ERROR,
                        Category.SYNTAX_ERROR,
                        Category.EXCEPTION,
                        Category.CONFIG_VALIDATION,
                        Category.DATABASE,
                        Category.CACHE,
                        Category.ANALYTICS_STORE,
                        Category.SECRETS,
                        Category.AUTH,
                        Category.WEBSOCKET,
                        Category.KUBERNETES,
                        Category.NETWORK,
                        Category.QUOTA));
        Set<Role> roles = bundled().stream().map(SignatureDefinition::role).collect(Collectors.toSet());
        assertThat(roles).containsAll(EnumSet.of(Role.CAUSE, Role.EFFECT, Role.SYMPTOM, Role.PROGRESS, Role.READY));
    }
}
