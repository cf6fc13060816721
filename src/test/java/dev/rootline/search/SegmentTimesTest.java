package dev.rootline.search;

import static dev.rootline.search.StoredEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Severity;
import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SegmentTimesTest {

    private static final long T0 = LogStoreContract.T0;
    private static final long SECOND = 1_000_000_000L;
    private static final long DAYS_20 = Duration.ofDays(20).toNanos();

    /** One segment: a live stream's 3,000 entries over 50 minutes, merged with a storm's 3,000 from 20 days later. */
    private static boolean mayHold(long time) throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 3000; i++) {
                writer.addDocument(at(T0 + i * SECOND));
                writer.addDocument(at(T0 + DAYS_20 + i * 1_000_000L));
                if (i % 1000 == 0) {
                    writer.commit(); // segments of both, merged below
                }
            }
            writer.forceMerge(1);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                LeafReader segment = reader.leaves().get(0).reader();
                return new SegmentTimes.PerSegment()
                        .of(segment)
                        .mayHold(event("k", time, "i", Severity.INFO, "m"), T0 - SECOND);
            }
        }
    }

    private static Document at(long time) {
        Document doc = new Document();
        doc.add(new LongPoint(LuceneFields.TIME, time));
        return doc;
    }

    @Test
    void anEntryBetweenTheTwoSpansOfAMergedSegmentIsNotLookedUpThere() throws IOException {
        assertThat(mayHold(T0 + Duration.ofDays(1).toNanos())).isFalse();
        assertThat(mayHold(T0 + DAYS_20 - SECOND)).isFalse();
        assertThat(mayHold(T0 - SECOND * 3600)).isFalse();
    }

    @Test
    void anEntryInASpanOrWithinATracebacksReachAfterItMayBeThere() throws IOException {
        assertThat(mayHold(T0)).isTrue();
        assertThat(mayHold(T0 + 1500 * SECOND + 1)).isTrue();
        assertThat(mayHold(T0 + 2999 * SECOND + 59 * SECOND)).isTrue(); // the last piece of a joined traceback
        assertThat(mayHold(T0 + DAYS_20 + 2 * SECOND)).isTrue();
    }

    @Test
    void aMergeReadsItsSegmentsTimesBeforeAnyReaderSeesIt() throws IOException {
        var times = new SegmentTimes.PerSegment();
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig().setMergedSegmentWarmer(times))) {
            writer.addDocument(at(T0));
            try (DirectoryReader flushed = DirectoryReader.open(writer)) {
                writer.addDocument(at(T0 + SECOND));
                writer.forceMerge(1);
                assertThat(times.hasRead(flushed.leaves().get(0).reader()))
                        .as("a flushed segment is read on its first lookup")
                        .isFalse();
            }
            try (DirectoryReader merged = DirectoryReader.open(writer)) {
                assertThat(merged.leaves()).hasSize(1);
                assertThat(times.hasRead(merged.leaves().get(0).reader())).isTrue();
            }
        }
    }

    @Test
    void anEntryTimedByItsArrivalMayBeAnywhere() throws IOException {
        assertThat(mayHold(T0 - SECOND)).isTrue();
    }
}
