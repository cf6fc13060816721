package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/** Which of a batch's entries the index already holds: {@link LogStore#held}, and a replay's check. */
final class StoredKeys {

    private StoredKeys() {}

    /**
     * One terms enumeration per segment serves the whole batch, in key order: looking each key up on its own cost
     * a field lookup and an enumeration per key and segment. A key is only looked up in segments whose events'
     * time range can hold it, which for a live stream is the newest few.
     */
    static boolean[] lookUp(
            IndexSearcher searcher, SegmentTimes.PerSegment segmentTimes, List<LogEvent> entries, long receivedNanos)
            throws IOException {
        BytesRef[] keys = new BytesRef[entries.size()];
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new BytesRef(entries.get(i).key());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        boolean[] stored = new boolean[keys.length];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(LuceneFields.MEMBER);
            if (terms == null) {
                continue;
            }
            SegmentTimes times = segmentTimes.of(leaf.reader());
            TermsEnum enumeration = terms.iterator();
            for (int i : order) {
                stored[i] = stored[i] || times.mayHold(entries.get(i), receivedNanos) && enumeration.seekExact(keys[i]);
            }
        }
        return stored;
    }
}
