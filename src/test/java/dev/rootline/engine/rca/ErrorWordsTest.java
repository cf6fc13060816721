package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.Payloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorWordsTest {

    /** The rule as a regular expression: the reference the word scan must agree with. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(?i:error|exception|failed|failure|fatal|critical"
            + "|refused|denied|cannot|unable to|timed out|traceback|not defined|no module named|invalid|panic|aborted"
            + "|killed|exceeded|crashed|not found|no such|exited with|out of memory)\\b"
            + "|\\w(Error|Exception)\\b|\\b(?i:exit)\\(\\d");

    @Test
    void wordsAndPhrasesThatSayError() {
        assertThat(ErrorWords.in("Connection refused on localhost:8123")).isTrue();
        assertThat(ErrorWords.in("ValueError: DATABASE_HOST is empty")).isTrue();
        assertThat(ErrorWords.in("ImportError: No module named 'redis'")).isTrue();
        assertThat(ErrorWords.in("name 'time' is not defined")).isTrue();
        assertThat(ErrorWords.in("request timed out after 30s")).isTrue();
        assertThat(ErrorWords.in("errors=0 error_count=0 MyErrorHandler ready")).isFalse();
        assertThat(ErrorWords.in("the module named app loaded; unable  to say")).isFalse();
        assertThat(ErrorWords.in("GET /api/orders/7 200 in 12 ms")).isFalse();
        assertThat(ErrorWords.in("current transaction is aborted, commands ignored"))
                .isTrue();
        assertThat(ErrorWords.in("Container called exit(254).")).isTrue();
        assertThat(ErrorWords.in("java.lang.OutOfMemoryError: Java heap space")).isTrue();
        assertThat(ErrorWords.in("fatal: out of memory")).isTrue();
        assertThat(ErrorWords.in("ran out of  memory budget; exit code 0; exit (now)"))
                .isFalse();
    }

    @Test
    @SharedData.Required
    void theWordScanAgreesWithTheRegexOnEveryRealLine() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : SharedData.entryFiles()) {
            Payloads.read(Files.readAllBytes(file), Entries.NOW).forEach(e -> lines.add(e.message()));
        }
        try (Stream<Path> dirs = Files.list(SharedData.ROOT.resolve("loghub2k"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path log = dir.resolve(dir.getFileName() + "_2k.log");
                if (Files.exists(log)) {
                    lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(30_000);
        assertThat(lines)
                .allSatisfy(line -> assertThat(ErrorWords.in(line))
                        .as(line)
                        .isEqualTo(REFERENCE.matcher(line).find()));
    }
}
