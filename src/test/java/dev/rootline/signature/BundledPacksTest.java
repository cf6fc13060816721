package dev.rootline.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The classpath cannot be listed reliably inside a packaged jar, so the packs are named in code: keep it true. */
class BundledPacksTest {

    @Test
    void everyFileInTheSignaturesFolderIsBundled() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("signatures"))) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml"))
                            .sorted())
                    .containsExactlyElementsOf(SignatureCatalog.BUNDLED_PACKS);
        }
    }
}
