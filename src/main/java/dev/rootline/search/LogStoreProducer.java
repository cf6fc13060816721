package dev.rootline.search;

import dev.rootline.app.RootlineConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the log store {@code rootline.store.kind} names: the Lucene index and its write-ahead log under
 * {@code rootline.data-dir}, or the OpenSearch cluster every replica shares.
 */
public class LogStoreProducer {

    @Produces
    @Singleton
    @Startup
    LogStore open(RootlineConfig config, StoreConfig store) throws IOException {
        return switch (store.kind()) {
            case LUCENE -> new LuceneLogStore(Files.createDirectories(Path.of(config.dataDir())));
            case OPENSEARCH -> new OpenSearchLogStore(OpenSearchClients.open(store.opensearch()), store.opensearch());
        };
    }

    void close(@Disposes LogStore store) throws IOException {
        store.close();
    }
}
