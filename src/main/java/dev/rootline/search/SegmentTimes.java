package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.TracebackJoiner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.util.NumericUtils;

/**
 * The event times one index segment holds, as the spans its time points fall in (deleted documents included), and
 * whether it can hold a given entry. A document's time is that of its first piece, and its later pieces are at most
 * {@link TracebackJoiner#MAX_SPAN_NANOS} after it.
 *
 * <p>Spans, not one range: a segment that took a late batch beside a live stream (a backfill, a crash storm's
 * entries from days ago) spans both times, and with one range every key of the stream between them would be looked
 * up in it, a terms-dictionary read each that a small page cache cannot hold (docs/benchmarks.md, "Memory").
 * Read once per segment from its points tree's leaves, and kept until the segment closes ({@link PerSegment}): a
 * segment never changes.
 */
final class SegmentTimes {

    /** At most about this many spans a segment, whatever its size: the gap that separates two grows to fit. */
    private static final int MAX_SPANS = 1024;

    private static final SegmentTimes ANY = new SegmentTimes(new long[] {Long.MIN_VALUE}, new long[] {Long.MAX_VALUE});

    /** Sorted, disjoint spans: {@code [from[i], to[i]]}. */
    private final long[] from;

    private final long[] to;

    private SegmentTimes(long[] from, long[] to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The times of each open segment of one index. A merge reads its segment's as the writer's merged-segment
     * warmer, before any reader sees the segment: reading every point of a large merged segment is a pause no
     * request should take. A flushed segment, small, is read on its first lookup.
     */
    static final class PerSegment implements IndexWriter.IndexReaderWarmer {

        private final Map<IndexReader.CacheKey, SegmentTimes> open = new ConcurrentHashMap<>();

        @Override
        public void warm(LeafReader segment) throws IOException {
            of(segment);
        }

        SegmentTimes of(LeafReader segment) throws IOException {
            IndexReader.CacheHelper core = segment.getCoreCacheHelper();
            if (core == null) {
                return read(segment);
            }
            SegmentTimes known = open.get(core.getKey());
            if (known != null) {
                return known;
            }
            SegmentTimes times = read(segment);
            if (open.putIfAbsent(core.getKey(), times) == null) {
                core.addClosedListener(open::remove);
            }
            return times;
        }

        /** Whether the segment's times are read already, so that a lookup in it reads no points. */
        boolean hasRead(LeafReader segment) {
            IndexReader.CacheHelper core = segment.getCoreCacheHelper();
            return core != null && open.containsKey(core.getKey());
        }
    }

    /**
     * An entry that had neither timestamp nor receiveTimestamp took its arrival time, and its key does not fix
     * its time: a copy of it stored earlier can be anywhere.
     */
    boolean mayHold(LogEvent entry, long receivedNanos) {
        long time = entry.timeNanos();
        if (time == receivedNanos) {
            return true;
        }
        int span = Arrays.binarySearch(from, time);
        int last = span >= 0 ? span : -span - 2; // the last span starting at or before the entry's time
        return last >= 0 && time - TracebackJoiner.MAX_SPAN_NANOS <= to[last];
    }

    /** Every time point, a leaf at a time, as spans; then those within a gap of each other joined. */
    private static SegmentTimes read(LeafReader reader) throws IOException {
        PointValues points = reader.getPointValues(LuceneFields.TIME);
        if (points == null) {
            return ANY;
        }
        long min = LongPoint.decodeDimension(points.getMinPackedValue(), 0);
        long max = LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
        long gap = Math.max(1, (max - min) / MAX_SPANS);
        List<long[]> spans = new ArrayList<>();
        visitLeaves(points.getPointTree(), new LeafTimes(), spans, gap);
        spans.sort(Comparator.comparingLong(span -> span[0]));
        long[] from = new long[spans.size()];
        long[] to = new long[spans.size()];
        int count = 0;
        for (long[] span : spans) {
            if (count > 0 && span[0] - to[count - 1] <= gap) {
                to[count - 1] = Math.max(to[count - 1], span[1]);
            } else {
                from[count] = span[0];
                to[count++] = span[1];
            }
        }
        return new SegmentTimes(Arrays.copyOf(from, count), Arrays.copyOf(to, count));
    }

    /** A leaf's values, split at their own gaps: one leaf can hold the end of one span and the start of the next. */
    private static void visitLeaves(PointValues.PointTree node, LeafTimes leaf, List<long[]> spans, long gap)
            throws IOException {
        if (node.moveToChild()) {
            do {
                visitLeaves(node, leaf, spans, gap);
            } while (node.moveToSibling());
            node.moveToParent();
            return;
        }
        leaf.count = 0;
        node.visitDocValues(leaf);
        Arrays.sort(leaf.times, 0, leaf.count);
        for (int i = 0; i < leaf.count; i++) {
            if (i == 0 || leaf.times[i] - leaf.times[i - 1] > gap) {
                spans.add(new long[] {leaf.times[i], leaf.times[i]});
            } else {
                spans.get(spans.size() - 1)[1] = leaf.times[i];
            }
        }
    }

    private static final class LeafTimes implements PointValues.IntersectVisitor {
        long[] times = new long[512];
        int count;

        @Override
        public void visit(int docID) {
            throw new IllegalStateException("a leaf's values are asked for");
        }

        @Override
        public void visit(int docID, byte[] packedValue) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = NumericUtils.sortableBytesToLong(packedValue, 0);
        }

        @Override
        public PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
        }
    }
}
