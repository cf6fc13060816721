package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line that would overflow the stack of a backtracking regex is matched by RE2/J; matching itself never fails. */
class MatchingNeverFailsTest {

    private static LogEvent line(String text) throws Exception {
        return Payloads.read(
                        ("[" + Entries.stderr("deep-1", "2025-09-16T00:41:13Z", "i-1", text) + "]")
                                .getBytes(StandardCharsets.UTF_8),
                        Entries.NOW)
                .get(0);
    }

    @Test
    void aLineTooDeepForJavasRecursionIsMatchedByRe2() throws Exception {
        SignatureSet bundled = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        List<Throwable> failures = new ArrayList<>();
        List<Match> matches = bundled.match(line("a.".repeat(3000) + "ValueError: boom"), (s, e) -> failures.add(e));
        assertThat(failures).isEmpty();
        assertThat(matches)
                .filteredOn(m -> m.signature().id().equals("python.exception"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.fields()).containsEntry("detail", "boom");
                    assertThat(m.fields().get("exception")).startsWith("a.a.a.").hasSize(Match.MAX_FIELD_LENGTH);
                });
    }

    @Test
    void aUserSignatureThatBacktracksThroughAnAlternationStillMatchesLongLines() throws Exception {
        SignatureSet set = SignatureCompiler.compile(SignatureYaml.parse("user.yaml", """
                - id: user.alternation-loop
                  title: Loop
                  category: exception
                  role: cause
                  severity: high
                  match:
                    message: 'x(a|aa)+c'
                  examples:
                    match: ['xaac', 'xac']
                    no_match: ['xab']
                """));
        assertThat(set.match(line("x" + "a".repeat(20_000) + "c")))
                .extracting(m -> m.signature().id())
                .containsExactly("user.alternation-loop");
    }
}
