package dev.rootline.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;

/**
 * Lucene's default codec, tuned for a log store that writes far more than it reads:
 * <ul>
 *   <li>stored fields (the original entries) use plain LZ4: the default preset-dictionary LZ4 re-hashes its
 *       dictionary for every block and was most of the indexing time;</li>
 *   <li>the entry-key field has a bloom filter, since every append looks each new key up in every segment.</li>
 * </ul>
 * Registered by name (META-INF/services) so that Lucene can read the segments it wrote.
 */
public final class RootlineCodec extends FilterCodec {

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "RootlineStoredFieldsLZ4", CompressionMode.FAST, 60 * 1024, 1024, 10);
    private final PostingsFormat bloom = new BloomFilteringPostingsFormat(PostingsFormat.forName("Lucene912"));
    private final PostingsFormat postings = new PerFieldPostingsFormat() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return field.equals(LuceneFields.MEMBER) ? bloom : PostingsFormat.forName("Lucene912");
        }
    };

    public RootlineCodec() {
        super("Rootline912", new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }

    @Override
    public PostingsFormat postingsFormat() {
        return postings;
    }
}
