package dev.rootline.ingest;

import dev.rootline.search.LogStore;
import dev.rootline.search.OpenSearchNode;

/** Ingest's stages on a real OpenSearch node, under indices of this test's own. */
class OpenSearchIngestPipelineTest extends IngestPipelineContract {

    private final String prefix = OpenSearchNode.freshPrefix();

    @Override
    LogStore open() {
        return OpenSearchNode.store(prefix);
    }
}
