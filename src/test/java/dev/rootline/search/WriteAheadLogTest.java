package dev.rootline.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    private static final long T0 = 1_757_983_273_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void readsBackEachEventWithItsMembersAndSignatures() throws Exception {
        try (WriteAheadLog wal = new WriteAheadLog(dir)) {
            wal.awaitDurable(wal.append(new WriteAheadLog.Record(
                    T0,
                    List.of(
                            new WriteAheadLog.Event(
                                    List.of("head".getBytes(UTF_8), "tail".getBytes(UTF_8)), List.of("sig-a", "sig-b")),
                            new WriteAheadLog.Event(List.of("alone".getBytes(UTF_8)), List.of())))));
            wal.rotate();
            List<WriteAheadLog.Record> records = wal.readFrom(0);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.receivedNanos()).isEqualTo(T0);
                assertThat(r.events()).hasSize(2);
                assertThat(r.events().get(0).entries()).containsExactly("head".getBytes(UTF_8), "tail".getBytes(UTF_8));
                assertThat(r.events().get(0).signatures()).containsExactly("sig-a", "sig-b");
                assertThat(r.events().get(1).signatures()).isEmpty();
            });
        }
    }

    /** A log left by a version that logged bare entries (then crashed) still replays: each entry an event. */
    @Test
    void aRecordOfBareEntriesFromAnEarlierVersionReadsAsOneEventPerEntry() throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(payload);
        body.writeLong(T0);
        body.writeInt(2);
        for (String entry : List.of("first", "second")) {
            body.writeInt(entry.length());
            body.write(entry.getBytes(UTF_8));
        }
        CRC32 crc = new CRC32();
        crc.update(payload.toByteArray());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream record = new DataOutputStream(file);
        record.writeInt(0x524C5741);
        record.writeInt(payload.size());
        record.writeLong(crc.getValue());
        record.write(payload.toByteArray());
        Files.write(dir.resolve("wal-000000000001.log"), file.toByteArray());

        try (WriteAheadLog wal = new WriteAheadLog(dir)) {
            assertThat(wal.readFrom(0))
                    .singleElement()
                    .satisfies(r -> assertThat(r.events())
                            .extracting(e -> new String(e.entries().get(0), UTF_8))
                            .containsExactly("first", "second"));
        }
    }
}
