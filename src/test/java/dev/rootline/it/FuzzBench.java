package dev.rootline.it;

import dev.rootline.fuzz.FuzzRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The long fuzz run: the seeded mutations of {@code BodyFuzzTest}, many more of them, against the packaged jar on
 * its embedded defaults (and the production heap, -Xmx256m). Not a test: run by
 * {@code bench/app.sh FuzzBench 20000 [seed]} (see docs/benchmarks.md); exits non-zero on any failure.
 */
public final class FuzzBench {

    private FuzzBench() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path workDir = Files.createTempDirectory("rootline-fuzz");
        try (RootlineProcess app = RootlineProcess.start(workDir, Map.of())) {
            long start = System.nanoTime();
            FuzzRun.Report report = new FuzzRun(URI.create(app.baseUrl()), null).run(seed, cases);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean ready = new FuzzRun(URI.create(app.baseUrl()), null).ready();
            System.out.printf("fuzz (seed %d): %s in %.0f s; ready afterwards: %s%n", seed, report, seconds, ready);
            report.failures().stream().limit(50).forEach(System.out::println);
            if (!report.failures().isEmpty() || !ready) {
                System.exit(1);
            }
        }
    }
}
