package dev.rootline.search;

import dev.rootline.app.GroupCommit;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The acknowledgement point of ingest: each append is a checksummed record of the events stored (their entries'
 * original JSON, grouped as joined, and the signatures they matched), fsynced (in groups) before the request is answered. Lucene commits are expensive, so the index commits every few
 * seconds instead, and on start-up the records written since its last commit are replayed into it. Files are
 * numbered by generation; a rotation starts a new one, and files older than the index's commit are deleted.
 */
final class WriteAheadLog implements Closeable {

    private static final int MAGIC = 0x524C5732; // "RLW2": events with their members and signatures
    /** Records of versions that logged bare entries: each is replayed as an event of its own. */
    private static final int MAGIC_ENTRIES = 0x524C5741; // "RLWA"

    private static final String PREFIX = "wal-";
    /** Magic, payload length, CRC-32 of the payload. */
    private static final int HEADER = 16;

    /** One append: the events stored, and when they arrived. */
    record Record(long receivedNanos, List<Event> events) {}

    /** An event as logged: the original JSON of its members and the ids of the signatures it matched. */
    record Event(List<byte[]> entries, List<String> signatures) {}

    private final Path dir;
    private final GroupCommit fsync = new GroupCommit(this::force);
    private FileChannel channel;
    private long generation;
    /** A failed write left a torn record in the current file: the next append starts a new one. */
    private boolean torn;
    /** Files closed without being made durable: a group commit that finds one closed must not count it as synced. */
    private final Set<FileChannel> abandoned = Collections.newSetFromMap(new WeakHashMap<>());
    /** Bytes appended since the log was opened, across generations: the sequence fsync waits on. */
    private long written;

    WriteAheadLog(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        List<Long> existing = generations();
        open(existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1);
    }

    synchronized long generation() {
        return generation;
    }

    /** The sequence of the last append: what a reader must wait for to see every acknowledged entry. */
    synchronized long lastSequence() {
        return written;
    }

    /**
     * Appends a record and returns the sequence to pass to {@link #awaitDurable}. The entries are written from
     * where they are (a gathering write): a batch is megabytes, and one buffer holding it all is a copy the
     * collector has to handle as a humongous object.
     */
    synchronized long append(Record record) throws IOException {
        List<ByteBuffer> parts = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(HEADER + Long.BYTES + Integer.BYTES);
        head.putLong(HEADER, record.receivedNanos())
                .putInt(HEADER + Long.BYTES, record.events().size());
        parts.add(head);
        for (Event event : record.events()) {
            parts.add(intBuffer(event.entries().size()));
            for (byte[] entry : event.entries()) {
                parts.add(intBuffer(entry.length));
                parts.add(ByteBuffer.wrap(entry));
            }
            parts.add(signatures(event.signatures()));
        }
        CRC32 crc = new CRC32();
        crc.update(head.array(), HEADER, Long.BYTES + Integer.BYTES);
        long size = Long.BYTES + Integer.BYTES;
        for (ByteBuffer part : parts.subList(1, parts.size())) {
            crc.update(part.duplicate());
            size += part.remaining();
        }
        head.putInt(0, MAGIC).putInt(Integer.BYTES, Math.toIntExact(size)).putLong(Integer.BYTES * 2, crc.getValue());
        if (torn) {
            switchTo(generation + 1);
        }
        long total = HEADER + size;
        long start = channel.position();
        try {
            ByteBuffer[] gathered = parts.toArray(ByteBuffer[]::new);
            for (long done = 0; done < total; ) {
                done += channel.write(gathered);
            }
        } catch (IOException e) {
            cutBack(start);
            throw e;
        }
        written += total;
        return written;
    }

    /**
     * Takes a partly written record back off the file (a full disk still allows that), so that the records after
     * it stay readable: reading stops at the first record that does not check out. If that fails too, the next
     * append goes to a new file.
     */
    private void cutBack(long start) {
        try {
            channel.truncate(start);
        } catch (IOException | RuntimeException e) {
            torn = true;
        }
    }

    /** Returns once everything up to {@code sequence} is on disk; concurrent callers share one fsync. */
    void awaitDurable(long sequence) throws IOException {
        fsync.await(sequence);
    }

    /**
     * Makes the current file durable and starts the next generation; returns the new generation. The next file is
     * opened first: if it cannot be (a full or read-only disk), appends go on in the current one.
     */
    synchronized long rotate() throws IOException {
        FileChannel next = FileChannel.open(
                file(generation + 1), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            channel.force(false);
        } catch (IOException e) {
            next.close();
            throw e;
        }
        channel.close();
        channel = next;
        generation++;
        return generation;
    }

    /**
     * After a storage failure: abandons the current file, whatever state it is in, for a new generation. Records
     * already in it stay readable up to the first torn one, and are replayed.
     */
    synchronized long restart() throws IOException {
        switchTo(generation + 1);
        return generation;
    }

    private void switchTo(long g) throws IOException {
        FileChannel next = FileChannel.open(
                file(g), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            channel.force(false);
        } catch (IOException e) {
            abandoned.add(channel);
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // what reached the file is read back on replay; what did not was never acknowledged
        }
        channel = next;
        generation = g;
        torn = false;
    }

    /** Deletes the files of generations before {@code generation}: the index holds their entries. */
    void deleteBefore(long generation) throws IOException {
        for (long g : generations()) {
            if (g < generation) {
                Files.deleteIfExists(file(g));
            }
        }
    }

    /** Reads every complete record of the generations from {@code fromGeneration} on; a torn tail ends a file. */
    List<Record> readFrom(long fromGeneration) throws IOException {
        List<Record> records = new ArrayList<>();
        for (long g : generations()) {
            if (g >= fromGeneration && g != generation()) {
                try (InputStream in = Files.newInputStream(file(g))) {
                    readRecords(new DataInputStream(in), records);
                }
            }
        }
        return records;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }

    /** Appends go on while the fsync runs, so the next fsync finds a whole group waiting. */
    private long force() throws IOException {
        FileChannel current;
        long covered;
        synchronized (this) {
            current = channel;
            covered = written;
        }
        try {
            current.force(false);
        } catch (java.nio.channels.ClosedChannelException rotated) {
            synchronized (this) {
                if (abandoned.contains(current)) {
                    throw new IOException("the log file was abandoned before it was made durable", rotated);
                }
            }
            // rotate() closed it, after forcing everything written to it
        }
        return covered;
    }

    private void open(long g) throws IOException {
        generation = g;
        channel = FileChannel.open(
                file(g), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void readRecords(DataInputStream in, List<Record> into) throws IOException {
        while (true) {
            try {
                int magic = in.readInt();
                if (magic != MAGIC && magic != MAGIC_ENTRIES) {
                    return;
                }
                int length = in.readInt();
                long checksum = in.readLong();
                if (length < 0 || length > in.available()) {
                    return;
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                CRC32 crc = new CRC32();
                crc.update(payload);
                if (crc.getValue() != checksum) {
                    return;
                }
                DataInputStream body = new DataInputStream(new java.io.ByteArrayInputStream(payload));
                into.add(magic == MAGIC ? readEvents(body) : readEntries(body));
            } catch (EOFException torn) {
                return; // a record cut short by a crash was never acknowledged
            }
        }
    }

    private static Record readEvents(DataInputStream body) throws IOException {
        long received = body.readLong();
        int count = body.readInt();
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<byte[]> entries = readBytes(body);
            List<String> signatures = new ArrayList<>();
            for (byte[] id : readBytes(body)) {
                signatures.add(new String(id, StandardCharsets.UTF_8));
            }
            events.add(new Event(entries, signatures));
        }
        return new Record(received, events);
    }

    private static Record readEntries(DataInputStream body) throws IOException {
        long received = body.readLong();
        return new Record(
                received,
                readBytes(body).stream()
                        .map(e -> new Event(List.of(e), List.of()))
                        .toList());
    }

    /** A count, then that many length-prefixed byte strings. */
    private static List<byte[]> readBytes(DataInputStream body) throws IOException {
        int count = body.readInt();
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[body.readInt()];
            body.readFully(value);
            values.add(value);
        }
        return values;
    }

    private static ByteBuffer intBuffer(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(0, value);
    }

    private static ByteBuffer signatures(List<String> ids) {
        List<byte[]> encoded =
                ids.stream().map(id -> id.getBytes(StandardCharsets.UTF_8)).toList();
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (1 + encoded.size())
                + encoded.stream().mapToInt(e -> e.length).sum());
        buffer.putInt(encoded.size());
        encoded.forEach(e -> buffer.putInt(e.length).put(e));
        return buffer.flip();
    }

    private List<Long> generations() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(".log"))
                    .map(n -> Long.parseLong(n.substring(PREFIX.length(), n.length() - 4)))
                    .sorted()
                    .toList();
        }
    }

    private Path file(long g) {
        return dir.resolve(PREFIX + String.format("%012d", g) + ".log");
    }
}
