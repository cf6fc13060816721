package dev.rootline.search;

import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.event.TracebackJoiner;
import dev.rootline.ingest.IngestConfig;
import dev.rootline.signature.SignatureCatalog;
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
    LuceneLogStore open(RootlineConfig config, IngestConfig ingest, SignatureCatalog signatures) throws IOException {
        Path dir = Files.createDirectories(Path.of(config.dataDir()));
        TracebackJoiner joiner =
                new TracebackJoiner(ingest.tracebackJoinWindow().toNanos());
        return new LuceneLogStore(dir, joiner::join, signatures::match);
    }

    void close(@Disposes LuceneLogStore store) throws IOException {
        store.close();
    }
}
