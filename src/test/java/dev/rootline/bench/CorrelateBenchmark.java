package dev.rootline.bench;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Correlation in the engine, in log entries per second: the real 1,000-entry export of a crash-looping service
 * (150 signature matches and the unmatched errors), correlated as one batch, as ingest correlates a batch.
 * Run: bench/jmh.sh CorrelateBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class CorrelateBenchmark {

    private static final int ENTRIES = 1000;

    private List<Signal> signals;
    private final Correlator correlator = new Correlator(Duration.ofSeconds(120), Duration.ofMillis(100));

    @Setup
    public void load() throws Exception {
        SignatureSet set = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        byte[] export = Files.readAllBytes(
                Path.of("..", "shared", "corpus", "exports", "dev", "gcp_logs_last_hour_20250915_175001.json"));
        List<LogEvent> events = Payloads.read(export, Entries.NOW);
        if (events.size() != ENTRIES) {
            throw new IllegalStateException("the export holds " + events.size() + " entries");
        }
        signals = new ArrayList<>();
        for (LogEvent event : events) {
            List<Match> matches = set.match(event);
            matches.forEach(m -> signals.add(Signal.of(m)));
            if (matches.isEmpty() && Signal.isUnknownError(event)) {
                signals.add(Signal.unknown(event));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public Object correlateBatch() {
        return correlator.correlate(signals);
    }
}
