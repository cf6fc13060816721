package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineBoundTest {

    @Test
    void patternsThatCannotCrossALineBreakAreLineBound() {
        assertThat(LineBound.of("Worker \\(pid:(?<pid>\\d+)\\) exited with code (?<code>\\d+)"))
                .isTrue();
        assertThat(LineBound.of("(?i)redis[\\w. ]{0,40}connection (?:failed|refused)"))
                .isTrue();
        assertThat(LineBound.of("host (?<host>[^\\n]{0,160}?) failed")).isTrue();
        assertThat(LineBound.of("(?m)^(?<exception>[A-Z]\\w*Error): (?<detail>.+)$"))
                .isTrue();
    }

    @Test
    void patternsThatMightCrossALineBreakOrAnchorToTheTextAreNot() {
        assertThat(LineBound.of("PHASE FAILED:\\s*(?<phase>[A-Z]+)")).as("\\s").isFalse();
        assertThat(LineBound.of("database \"(?<db>[^\"]+)\""))
                .as("[^\"] matches \\n")
                .isFalse();
        assertThat(LineBound.of("(?s)Traceback.*Error")).isFalse();
        assertThat(LineBound.of("^GET \\S+ 5\\d\\d")).as("^ without (?m)").isFalse();
        assertThat(LineBound.of("(?m:^a)b$")).as("(?m:...) is local").isFalse();
        assertThat(LineBound.of("a\\Wb")).isFalse();
        assertThat(LineBound.of("a[\\n]b")).isFalse();
    }

    /** On every message of several lines in the real exports, each bundled signature finds what a whole-text search finds. */
    @Test
    @SharedData.Required
    void lineBoundMatchingFindsTheSameAsWholeTextMatching() throws Exception {
        List<LogEvent> multiLine = new ArrayList<>();
        for (Path file : SharedData.entryFiles()) {
            Payloads.read(Files.readAllBytes(file), Entries.NOW).stream()
                    .filter(e -> e.message().indexOf('\n') >= 0)
                    .forEach(multiLine::add);
        }
        assertThat(multiLine).isNotEmpty();
        SignatureSet set = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        int compared = 0;
        for (CompiledSignature signature : set.signatures()) {
            Pattern whole = Pattern.compile(signature.definition().match().message());
            for (LogEvent event : multiLine) {
                Matcher m = whole.matcher(event.message());
                Optional<Match> match = signature.match(event, e -> null);
                boolean severityAllows =
                        event.severity().atLeast(signature.definition().match().minSeverity());
                if (severityAllows
                        && signature.definition().match().fields().isEmpty()
                        && signature.definition().match().logName().isEmpty()
                        && signature.definition().match().resourceType().isEmpty()) {
                    assertThat(match.map(Match::matchedText))
                            .as(signature.id())
                            .isEqualTo(m.find() ? Optional.of(m.group()) : Optional.empty());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }
}
