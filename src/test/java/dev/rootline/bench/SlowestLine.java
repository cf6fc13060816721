package dev.rootline.bench;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureSet;
import java.util.List;

/**
 * The slowest single line to match, over the real corpora, with the bundled packs plus Loghub signatures up to
 * the count given (default 200): each line is timed alone after a warm-up pass. Also prints the mean.
 * Run: java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.rootline.bench.SlowestLine 200
 */
public final class SlowestLine {

    private SlowestLine() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SignatureSet set = SignatureCompiler.compile(BenchData.signatures(count));
        List<LogEvent> events = BenchData.messages();
        for (int warm = 0; warm < 20; warm++) {
            events.forEach(set::match);
        }
        long worst = 0;
        long total = 0;
        LogEvent slowest = null;
        for (LogEvent event : events) {
            long best = Long.MAX_VALUE;
            for (int repeat = 0; repeat < 5; repeat++) { // the best of 5 removes GC and scheduling pauses
                long start = System.nanoTime();
                set.match(event);
                best = Math.min(best, System.nanoTime() - start);
            }
            total += best;
            if (best > worst) {
                worst = best;
                slowest = event;
            }
        }
        System.out.printf(
                "%d signatures, %d lines: slowest %.3f ms (%d chars: %.80s), mean %.1f us%n",
                count,
                events.size(),
                worst / 1e6,
                slowest.message().length(),
                slowest.message().replace('\n', ' '),
                total / 1e3 / events.size());
    }
}
