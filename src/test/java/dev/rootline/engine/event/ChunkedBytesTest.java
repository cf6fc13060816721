package dev.rootline.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedBytesTest {

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** A stream that hands out a few bytes per read, as a socket does. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
    }

    @Test
    void anyRangeCopiesTheSameBytesAsTheWholeAcrossPieceBoundaries() throws Exception {
        byte[] whole = random(3 * ChunkedBytes.CHUNK + 777);
        for (long declared : new long[] {-1, whole.length}) {
            ChunkedBytes bytes = ChunkedBytes.read(trickle(whole), declared, Long.MAX_VALUE);
            assertThat(bytes.length()).isEqualTo(whole.length);
            assertThat(bytes.toArray()).isEqualTo(whole);
            assertThat(bytes.stream().readAllBytes()).isEqualTo(whole);
            Random random = new Random(1);
            for (int i = 0; i < 200; i++) {
                int from = random.nextInt(whole.length);
                int to = from + random.nextInt(whole.length - from + 1);
                assertThat(bytes.copy(from, to)).isEqualTo(Arrays.copyOfRange(whole, from, to));
            }
            int boundary = ChunkedBytes.CHUNK;
            assertThat(bytes.copy(boundary - 1, boundary + 1)).containsExactly(whole[boundary - 1], whole[boundary]);
        }
    }

    @Test
    void readingStopsAtTheDeclaredLengthOrOneBytePastTheLimit() throws Exception {
        byte[] whole = random(2 * ChunkedBytes.CHUNK);
        assertThat(ChunkedBytes.read(trickle(whole), 5000, Long.MAX_VALUE).toArray())
                .isEqualTo(Arrays.copyOf(whole, 5000));
        assertThat(ChunkedBytes.read(trickle(whole), whole.length, 1000).length())
                .isEqualTo(1001);
        assertThat(ChunkedBytes.read(trickle(whole), -1, 1000).length()).isEqualTo(1001);
        assertThat(ChunkedBytes.read(trickle(whole), -1, whole.length).length()).isEqualTo(whole.length);
        assertThat(ChunkedBytes.read(trickle(new byte[0]), -1, 1000).length()).isZero();
    }

    @Test
    void entriesOfABatchLargerThanAPieceKeepTheirOriginalBytes() throws Exception {
        StringBuilder json = new StringBuilder("[");
        int count = 0;
        while (json.length() < 2 * ChunkedBytes.CHUNK) {
            json.append(count == 0 ? "" : ",")
                    .append(Entries.stderr(
                            "e-" + count,
                            "2025-09-16T00:41:13Z",
                            "i-1",
                            "line " + count + " " + "x".repeat(count % 300)));
            count++;
        }
        byte[] body = json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var events = Payloads.read(ChunkedBytes.read(trickle(body), -1, Long.MAX_VALUE), Entries.NOW);

        assertThat(events).hasSize(count);
        for (LogEvent event : events) {
            LogEvent again = Payloads.read(event.entries().get(0), Entries.NOW).get(0);
            assertThat(again.key()).isEqualTo(event.key());
            assertThat(again.message()).isEqualTo(event.message());
        }
    }
}
