package dev.rootline.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TracebackJoinerTest {

    private static final TracebackJoiner JOINER = new TracebackJoiner(10_000_000L);

    /** A traceback that reached Cloud Logging one stderr line per entry, as a plain print does. */
    private static final String[] TRACEBACK_LINES = {
        "Traceback (most recent call last):",
        "  File \"/app/main.py\", line 12, in <module>",
        "    from app.settings import load",
        "  File \"/app/settings.py\", line 3, in <module>",
        "    import yaml",
        "ModuleNotFoundError: No module named 'yaml'",
    };

    private static List<LogEvent> events(String instance, long startMicros, String... lines) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < lines.length; i++) {
            String ts = "2025-09-16T00:41:13.%06dZ".formatted(startMicros + i * 30L);
            json.append(i == 0 ? "" : ",")
                    .append(Entries.stderr(instance + "-" + startMicros + "-" + i, ts, instance, lines[i]));
        }
        return Payloads.read(json.append(']').toString().getBytes(StandardCharsets.UTF_8), Entries.NOW);
    }

    @Test
    void joinsATracebackPrintedOneLinePerEntryIntoOneEvent() throws Exception {
        List<LogEvent> pieces = events("i-1", 100, TRACEBACK_LINES);
        List<LogEvent> joined = JOINER.join(pieces);

        assertThat(joined).hasSize(1);
        LogEvent event = joined.get(0);
        assertThat(event.entryCount()).isEqualTo(6);
        assertThat(event.key()).isEqualTo(pieces.get(0).key());
        assertThat(event.entries()).hasSize(6);
        assertThat(event.message())
                .startsWith("Traceback (most recent call last):\nFile \"/app/main.py\"")
                .endsWith("ModuleNotFoundError: No module named 'yaml'");
    }

    @Test
    void attachesTheTracebackToTheLineThatLoggedItAndChainsDuringHandling() throws Exception {
        List<LogEvent> pieces = events(
                "i-1",
                100,
                "[2025-09-16 00:41:13 +0000] [14] [ERROR] Exception in worker process",
                "Traceback (most recent call last):\n  File \"/app/a.py\", line 1, in f\n    g()\nKeyError: 'x'",
                "During handling of the above exception, another exception occurred:",
                "Traceback (most recent call last):\n  File \"/app/b.py\", line 2, in h\n    f()\nRuntimeError: setup failed",
                "[2025-09-16 00:41:13 +0000] [14] [INFO] Worker exiting (pid: 14)",
                "[2025-09-16 00:41:13 +0000] [13] [ERROR] Worker (pid:14) exited with code 3");
        List<LogEvent> joined = JOINER.join(pieces);

        assertThat(joined).extracting(LogEvent::entryCount).containsExactly(4, 1, 1);
        assertThat(joined.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(joined.get(0).message()).contains("RuntimeError: setup failed");
    }

    @Test
    void leavesAloneLinesThatOnlyLookAlike() throws Exception {
        List<LogEvent> pieces = events(
                "i-1",
                100,
                "ImportError: cannot import name 'a' from 'b'",
                "ImportError: cannot import name 'c' from 'd'",
                "RuntimeError: Critical database failures",
                "[ERROR] Worker failed to boot.");
        assertThat(JOINER.join(pieces)).hasSize(4);
    }

    @Test
    void joinsOnlyWithinOneInstanceAndWindow() throws Exception {
        List<LogEvent> pieces = new ArrayList<>(events("i-1", 100, TRACEBACK_LINES[0], TRACEBACK_LINES[1]));
        pieces.addAll(events("i-2", 110, TRACEBACK_LINES[2]));
        pieces.addAll(events("i-1", 900_000, TRACEBACK_LINES[5]));
        assertThat(JOINER.join(pieces)).extracting(LogEvent::entryCount).containsExactlyInAnyOrder(2, 1, 1);
    }

    @Test
    void theArrivalOrderDoesNotMatter() throws Exception {
        List<LogEvent> pieces = new ArrayList<>(events("i-1", 100, TRACEBACK_LINES));
        pieces.addAll(events("i-2", 100, TRACEBACK_LINES));
        List<String> expected =
                JOINER.join(pieces).stream().map(LogEvent::message).sorted().toList();
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(pieces, random);
            assertThat(JOINER.join(pieces).stream().map(LogEvent::message).sorted())
                    .isEqualTo(expected);
        }
    }

    @Test
    void aTracebackStillGoingAfterTheLongestSpanIsSplit() throws Exception {
        TracebackJoiner slow = new TracebackJoiner(30_000_000_000L);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < TRACEBACK_LINES.length; i++) {
            String ts =
                    Instant.parse("2025-09-16T00:41:00Z").plusSeconds(25L * i).toString();
            json.append(i == 0 ? "" : ",").append(Entries.stderr("slow-" + i, ts, "i-1", TRACEBACK_LINES[i]));
        }
        List<LogEvent> pieces =
                Payloads.read(json.append(']').toString().getBytes(StandardCharsets.UTF_8), Entries.NOW);

        List<LogEvent> joined = slow.join(pieces);

        assertThat(joined).extracting(LogEvent::entryCount).containsExactly(3, 1, 1, 1);
        assertThat(pieces.get(2).timeNanos() - pieces.get(0).timeNanos())
                .isLessThanOrEqualTo(TracebackJoiner.MAX_SPAN_NANOS);
        assertThat(pieces.get(3).timeNanos() - pieces.get(0).timeNanos()).isGreaterThan(TracebackJoiner.MAX_SPAN_NANOS);
    }
}
