package dev.rootline.search;

import dev.rootline.app.RootlineConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the node's Lucene index under {@code rootline.data-dir/index}. */
public class LogStoreProducer {

    @Produces
    @Singleton
    LuceneLogStore open(RootlineConfig config) throws IOException {
        Path dir = Path.of(config.dataDir(), "index");
        Files.createDirectories(dir);
        return new LuceneLogStore(dir);
    }

    void close(@Disposes LuceneLogStore store) throws IOException {
        store.close();
    }
}
