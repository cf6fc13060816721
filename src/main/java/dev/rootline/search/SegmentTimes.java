package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.TracebackJoiner;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;

/**
 * The event-time range of one index segment, from its points' bounds (deleted documents included), and whether
 * it can hold a given entry. A document's time is that of its first piece, and its later pieces are at most
 * {@link TracebackJoiner#MAX_SPAN_NANOS} after it.
 */
record SegmentTimes(long min, long max) {

    private static final SegmentTimes ANY = new SegmentTimes(Long.MIN_VALUE, Long.MAX_VALUE);

    static SegmentTimes of(LeafReader reader) throws IOException {
        PointValues points = reader.getPointValues(LuceneFields.TIME);
        if (points == null) {
            return ANY;
        }
        return new SegmentTimes(
                LongPoint.decodeDimension(points.getMinPackedValue(), 0),
                LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
    }

    /**
     * An entry that had neither timestamp nor receiveTimestamp took its arrival time, and its key does not fix
     * its time: a copy of it stored earlier can be anywhere.
     */
    boolean mayHold(LogEvent entry, long receivedNanos) {
        long time = entry.timeNanos();
        return time == receivedNanos || time >= min && time - TracebackJoiner.MAX_SPAN_NANOS <= max;
    }
}
