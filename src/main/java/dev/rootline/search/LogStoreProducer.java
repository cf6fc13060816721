package dev.rootline.search;

import dev.rootline.app.RootlineConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the node's log store: the Lucene index and its write-ahead log under {@code rootline.data-dir}. */
public class LogStoreProducer {

    @Produces
    @Singleton
    @Startup
    LuceneLogStore open(RootlineConfig config) throws IOException {
        return new LuceneLogStore(Files.createDirectories(Path.of(config.dataDir())));
    }

    void close(@Disposes LuceneLogStore store) throws IOException {
        store.close();
    }
}
