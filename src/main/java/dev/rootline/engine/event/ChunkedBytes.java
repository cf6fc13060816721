package dev.rootline.engine.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A request body held in pieces of at most {@link #CHUNK} bytes. A batch is megabytes, and one array that size is
 * a humongous object to the G1 collector: allocated straight into the old generation, where each one brought the
 * next concurrent marking cycle closer. Ingest then spent more time collecting than indexing.
 */
public final class ChunkedBytes {

    /** Well under the smallest G1 region's humongous threshold (512 KiB). */
    static final int CHUNK = 128 * 1024;

    private final List<byte[]> chunks;
    /** Where each chunk starts in the whole. */
    private final long[] starts;

    private final long length;

    private ChunkedBytes(List<byte[]> chunks, long length) {
        this.chunks = chunks;
        this.length = length;
        this.starts = new long[chunks.size()];
        for (int i = 1; i < starts.length; i++) {
            starts[i] = starts[i - 1] + chunks.get(i - 1).length;
        }
    }

    public static ChunkedBytes of(byte[] bytes) {
        return new ChunkedBytes(List.of(bytes), bytes.length);
    }

    /**
     * Reads the stream to its declared length, or else to its end or to one byte past {@code limit}, which the
     * caller sees as a length over the limit.
     *
     * @param declared the length the sender declared, or -1
     */
    public static ChunkedBytes read(InputStream in, long declared, long limit) throws IOException {
        long end = limit == Long.MAX_VALUE ? limit : limit + 1;
        if (declared >= 0) {
            end = Math.min(end, declared); // no read past it: a push delivery would pay for a piece to find the end
        }
        List<byte[]> chunks = new ArrayList<>();
        long length = 0;
        while (length < end) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, end - length)];
            int n = in.readNBytes(chunk, 0, chunk.length);
            if (n > 0) {
                chunks.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                length += n;
            }
            if (n < chunk.length) {
                break;
            }
        }
        return new ChunkedBytes(chunks, length);
    }

    public long length() {
        return length;
    }

    public InputStream stream() {
        if (chunks.size() == 1) {
            return new ByteArrayInputStream(chunks.get(0));
        }
        List<InputStream> pieces = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            pieces.add(new ByteArrayInputStream(chunk));
        }
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), as one array. */
    public byte[] copy(long from, long to) {
        byte[] out = new byte[Math.toIntExact(to - from)];
        int i = Arrays.binarySearch(starts, from);
        for (int written = 0, chunk = i >= 0 ? i : -i - 2; written < out.length; chunk++) {
            int offset = (int) (from + written - starts[chunk]);
            int count = Math.min(chunks.get(chunk).length - offset, out.length - written);
            System.arraycopy(chunks.get(chunk), offset, out, written, count);
            written += count;
        }
        return out;
    }

    /** At most the first {@code n} bytes. */
    public byte[] head(int n) {
        return copy(0, Math.min(n, length));
    }

    /** The whole body as one array, for the small bodies (a push delivery) that are kept as they came. */
    public byte[] toArray() {
        return copy(0, length);
    }
}
