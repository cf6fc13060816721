package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.source.FakeLoggingApi;
import dev.rootline.source.LoggingEntries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar pulling from the Logging API, killed half-way and started again. */
class LoggingPullIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void resumesFromItsCheckpointWithNoGapAndNoDuplicate() throws Exception {
        try (FakeLoggingApi api = new FakeLoggingApi().start()) {
            api.configure(
                    workDir,
                    "rootline.sources.logging.fake.project=p",
                    "rootline.sources.logging.fake.poll-interval=200ms",
                    "rootline.sources.logging.fake.overlap=5s");
            FakeLoggingApi.Added added;
            try (RootlineProcess app = RootlineProcess.start(workDir, Map.of())) {
                added = api.addOncePolled(from -> LoggingEntries.run("pull-restart", "restart", from, 25_000));
                // killed once it has stored a few seconds of the entries, so its checkpoint is past its first read
                // whenever the app got up: counting calls alone, a slow start left it at the first entry
                Await.until(
                        () -> api.calls().size() >= added.firstCall() + 8 && storedSoFar(app) >= 3_000,
                        Duration.ofSeconds(60));
                app.kill();
            }
            int beforeRestart = api.calls().size();
            try (RootlineProcess app = RootlineProcess.start(workDir, Map.of())) {
                Instant deadline = Instant.now().plusSeconds(180); // the lease first runs out: 30 s
                while (total(app) < 25_000 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                assertThat(total(app)).as("no gap").isEqualTo(25_000);
                Thread.sleep(1000);
                assertThat(total(app)).as("no duplicate").isEqualTo(25_000);
                // it reads once the dead process's lease has run out, even when that process had read everything
                Await.until(() -> api.calls().size() > beforeRestart, Duration.ofSeconds(60));
            }
            List<FakeLoggingApi.Call> calls = api.calls();
            FakeLoggingApi.Call resumed = calls.get(beforeRestart);
            assertThat(resumed.since())
                    .as("the restart read from its checkpoint, not from the start")
                    .isAfter(calls.get(added.firstCall()).since().plusSeconds(2))
                    .isBefore(added.from().plusSeconds(25));
        }
    }

    private static long storedSoFar(RootlineProcess app) {
        try {
            return total(app);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long total(RootlineProcess app) throws Exception {
        return JSON.readTree(
                        app.get("/api/v1/search?limit=1&q=service:pull-restart").body())
                .get("total")
                .asLong();
    }
}
