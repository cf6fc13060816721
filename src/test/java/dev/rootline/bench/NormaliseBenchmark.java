package dev.rootline.bench;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.TracebackJoiner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure parser and normaliser on a real export: the 1,000-entry {@code gcloud logging read --format=json}
 * array in ../shared. Scores are entries per second on one thread. Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Threads(1)
public class NormaliseBenchmark {

    private static final int ENTRIES = 1000;

    private byte[] export;
    private final TracebackJoiner joiner = new TracebackJoiner(10_000_000L);

    @Setup
    public void load() throws IOException {
        export = Files.readAllBytes(
                Path.of("..", "shared", "corpus", "exports", "dev", "gcp_logs_last_hour_20250915_175001.json"));
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public List<LogEvent> parseAndNormalise() throws InvalidEntryException {
        return Payloads.read(export, Entries.NOW);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public List<LogEvent> parseNormaliseAndJoin() throws InvalidEntryException {
        return joiner.join(Payloads.read(export, Entries.NOW));
    }
}
