package dev.rootline.it;

import dev.rootline.engine.event.Entries;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recovery after {@code kill -9}: batches are posted for {@code seconds}, the process is killed without warning,
 * restarted on the same data directory, and the first search is timed from the moment readiness answers UP. Each
 * round prints how long the restart took to be ready and what the first search then cost. Not a test:
 * {@code bench/app.sh RestartBench [rounds] [seconds]} (see docs/benchmarks.md).
 */
public final class RestartBench {

    private RestartBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path workDir = Files.createTempDirectory("rootline-restart");
        Map<String, String> settings =
                Map.of("ROOTLINE_DATA_DIR", workDir.resolve("data").toString());
        RootlineProcess app = RootlineProcess.start(workDir, settings);
        int batch = 0;
        for (int round = 1; round <= rounds; round++) {
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < until) {
                HttpResponse<String> reply = app.post("/api/v1/entries", "application/json", batch(batch++));
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException(reply.statusCode() + ": " + reply.body());
                }
            }
            app.kill();
            long restarted = System.nanoTime();
            app = RootlineProcess.start(workDir, settings);
            long ready = System.nanoTime();
            HttpResponse<String> search = app.get("/api/v1/search?q=payment&limit=10");
            long answered = System.nanoTime();
            if (search.statusCode() != 200 || !search.body().contains("payment")) {
                throw new IllegalStateException(search.statusCode() + ": " + search.body());
            }
            long again = System.nanoTime();
            app.get("/api/v1/search?q=declined&limit=10");
            System.out.printf(
                    "round %d: %d batches stored, ready %.1f s after the restart, first search %.0f ms, second %.0f ms%n",
                    round,
                    batch,
                    (ready - restarted) / 1e9,
                    (answered - ready) / 1e6,
                    (System.nanoTime() - again) / 1e6);
        }
        app.close();
    }

    /** 1,000 request logs of one service, a few of them failed payments, each with an id of its own. */
    private static byte[] batch(int batch) {
        List<String> entries = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 1000; i++) {
            entries.add(Entries.stderr(
                    "restart-bench",
                    "restart-bench-00001-abc",
                    "b%d-%d".formatted(batch, i),
                    at.plusMillis(i).toString(),
                    "instance-" + i % 10,
                    i % 100 == 0
                            ? "payment %d declined by the card network".formatted(batch * 1000 + i)
                            : "GET /api/orders/%d 200 in %d ms".formatted(batch * 1000 + i, i % 90)));
        }
        return CrashLoop.array(entries);
    }
}
