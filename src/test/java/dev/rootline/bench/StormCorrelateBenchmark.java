package dev.rootline.bench;

import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Reattribution;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.rca.StoredSpan;
import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.SignatureDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch of a crash storm in the engine alone, without HTTP or the database: {@code instances} instances of one
 * revision each log a missing module, the exception it raised and a worker exit every second, and the batch of the latest second is placed
 * against the {@code seconds} before it, already stored with their incidents: what ingest's request thread does
 * for such a batch (docs/benchmarks.md, "Failures"). Run: bench/jmh.sh StormCorrelateBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class StormCorrelateBenchmark {

    private static final long SECOND = 1_000_000_000L;
    private static final String SERVICE = "storm";

    @Param({"100"})
    int instances;

    /** Seconds of storm before the batch: 240 fills the default chain span. */
    @Param({"10", "240"})
    int seconds;

    private final Correlator correlator = new Correlator(Duration.ofSeconds(120), Duration.ofMillis(100));
    private StoredSpan span;
    private List<Signal> batch;
    private long batchStart;

    @Setup
    public void storm() throws Exception {
        Map<String, SignatureDefinition> signatures = BundledSignaturesTest.byId();
        List<Signal> before = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            before.addAll(second(signatures, second));
        }
        // in event order, as the service's window of recent signals hands them over
        List<StoredMatch> stored = Reattribution.derive(
                        SERVICE, correlator, before, StoredSpan.of(List.of(), 0), 0, id -> 0, ids -> List.of())
                .inserted()
                .stream()
                .sorted(Comparator.comparingLong((StoredMatch m) -> m.signal().timeNanos())
                        .thenComparing(m -> m.signal().insertId()))
                .toList();
        span = StoredSpan.of(stored, seconds * SECOND);
        span.failures(); // filed once, as the service's window of recent signals keeps them filed
        batch = second(signatures, seconds);
        batchStart = seconds * SECOND;
    }

    private List<Signal> second(Map<String, SignatureDefinition> signatures, int second) {
        List<Signal> lines = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            long at = second * SECOND;
            lines.add(line(signatures.get("python.module-not-found"), "import", second, i, at));
            lines.add(line(signatures.get("python.exception"), "exception", second, i, at + 200_000_000L));
            lines.add(line(signatures.get("gunicorn.worker-exit"), "exit", second, i, at + 400_000_000L));
        }
        return lines;
    }

    private static Signal line(SignatureDefinition signature, String what, int second, int instance, long at) {
        String id = what + "-" + second + "-" + instance;
        return new Signal(
                id,
                id,
                at,
                SERVICE + "-00001-abc",
                "instance-" + instance,
                signature,
                Map.of("module", "app.monitoring", "pid", "7", "code", "3"),
                "",
                Familiarity.SEEN);
    }

    @Benchmark
    public Reattribution batch() {
        return Reattribution.derive(SERVICE, correlator, batch, span, batchStart, id -> 1_000_000L, ids -> List.of());
    }
}
