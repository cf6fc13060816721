package dev.rootline.source;

import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.LoggingServiceV2Grpc;
import com.google.protobuf.util.Timestamps;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cloud Logging API's {@code ListLogEntries} in process, on a real gRPC port: entries in ascending
 * (timestamp, insertId) order from the filter's {@code timestamp>=}, in pages (a page token is an offset, so entries
 * added mid-read must sort after it, as late entries within a test do not). Records each request, and fails as told.
 */
public final class FakeLoggingApi extends LoggingServiceV2Grpc.LoggingServiceV2ImplBase implements AutoCloseable {

    private static final Pattern SINCE = Pattern.compile("timestamp>=\"([^\"]+)\"");
    private static final Comparator<LogEntry> ORDER = Comparator.comparingLong(
                    (LogEntry e) -> Timestamps.toNanos(e.getTimestamp()))
            .thenComparing(LogEntry::getInsertId);

    /** One call: the time it read from, and the status it got. */
    public record Call(Instant since, String pageToken, Status.Code status, long at) {}

    private final List<LogEntry> entries = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private int failures;
    private Server server;

    public FakeLoggingApi start() {
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(this)
                    .build()
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points the packaged app in {@code workDir} at this API: its {@code config/application.properties} names the
     * endpoint in plaintext, then the given properties (the sources and their settings).
     */
    public void configure(Path workDir, String... properties) throws IOException {
        List<String> lines = new ArrayList<>(
                List.of("rootline.sources.logging-endpoint=" + endpoint(), "rootline.sources.logging-plaintext=true"));
        lines.addAll(List.of(properties));
        Files.createDirectories(workDir.resolve("config"));
        Files.writeString(workDir.resolve("config/application.properties"), String.join("\n", lines) + "\n");
    }

    public String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    public synchronized void add(List<LogEntry> more) {
        entries.addAll(more);
        entries.sort(ORDER);
    }

    /** What {@link #addOncePolled} added: the first call made after, and the time the entries start at. */
    public record Added(int firstCall, Instant from) {}

    /**
     * Once the app has made its first call, adds what {@code entriesFrom} makes for a time a second on. A new source
     * reads from one look-back before its first poll, so entries timed before the app was up could already lie
     * behind it on a machine slow to start.
     */
    public Added addOncePolled(Function<Instant, List<LogEntry>> entriesFrom) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (calls().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the app did not call within 60 s");
            }
            Thread.sleep(50);
        }
        Added added = new Added(calls().size(), Instant.now().plusSeconds(1));
        add(entriesFrom.apply(added.from()));
        return added;
    }

    /** The next {@code n} calls fail with UNAVAILABLE. */
    public synchronized void failNext(int n) {
        failures = n;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void listLogEntries(ListLogEntriesRequest request, StreamObserver<ListLogEntriesResponse> response) {
        Matcher since = SINCE.matcher(request.getFilter());
        Instant from = since.find() ? Instant.parse(since.group(1)) : Instant.EPOCH;
        ListLogEntriesResponse page;
        synchronized (this) {
            if (failures > 0) {
                failures--;
                calls.add(new Call(from, request.getPageToken(), Status.Code.UNAVAILABLE, System.nanoTime()));
                response.onError(Status.UNAVAILABLE.withDescription("injected").asRuntimeException());
                return;
            }
            calls.add(new Call(from, request.getPageToken(), Status.Code.OK, System.nanoTime()));
            int offset =
                    request.getPageToken().isEmpty() ? firstAtOrAfter(from) : Integer.parseInt(request.getPageToken());
            int end = Math.min(entries.size(), offset + request.getPageSize());
            page = ListLogEntriesResponse.newBuilder()
                    .addAllEntries(entries.subList(offset, end))
                    .setNextPageToken(end < entries.size() ? String.valueOf(end) : "")
                    .build();
        }
        response.onNext(page);
        response.onCompleted();
    }

    /** The index of the first entry at or after a time; the entries are sorted. */
    private int firstAtOrAfter(Instant from) {
        long nanos = from.getEpochSecond() * 1_000_000_000L + from.getNano();
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Timestamps.toNanos(entries.get(mid).getTimestamp()) < nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
