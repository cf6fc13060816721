package dev.rootline.ingest;

import dev.rootline.search.LogStore;
import dev.rootline.search.LuceneLogStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Ingest's stages on the embedded Lucene store. */
class IngestPipelineTest extends IngestPipelineContract {

    @TempDir
    Path dir;

    @Override
    LogStore open() throws IOException {
        return new LuceneLogStore(dir);
    }
}
