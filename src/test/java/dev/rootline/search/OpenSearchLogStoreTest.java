package dev.rootline.search;

/** The store contract on a real OpenSearch node, under indices of this test's own. */
class OpenSearchLogStoreTest extends LogStoreContract {

    private final String prefix = OpenSearchNode.freshPrefix();

    @Override
    LogStore open() {
        return OpenSearchNode.store(prefix);
    }
}
