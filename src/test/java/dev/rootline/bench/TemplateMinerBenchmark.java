package dev.rootline.bench;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.template.TemplateMiner;
import dev.rootline.engine.template.TemplateMiners;
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
 * The template miner, generic configuration, on the messages of the real exports and of Loghub-2k (BenchData):
 * lines per second on one thread, with each pass's numbers changed so that ids vary as in a live system. Run with
 * bench/jmh.sh TemplateMinerBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TemplateMinerBenchmark {

    private static final int PASSES = 4;

    private String[][] passes;
    private int lines;
    private final TemplateMiner miner = new TemplateMiner(TemplateMiners.defaults(), "bench");

    @Setup
    public void load() throws Exception {
        List<String> messages =
                BenchData.messages().stream().map(LogEvent::message).toList();
        passes = new String[PASSES][];
        for (int pass = 0; pass < PASSES; pass++) {
            passes[pass] = VariedIds.replay(messages, pass).toArray(new String[0]);
        }
        lines = messages.size();
    }

    @Benchmark
    @OperationsPerInvocation(PASSES * 5_000)
    public int mine() {
        int created = 0;
        for (String[] pass : passes) {
            for (int i = 0; i < 5_000; i++) {
                created += miner.add(pass[i % lines]).created() ? 1 : 0;
            }
        }
        return created;
    }
}
