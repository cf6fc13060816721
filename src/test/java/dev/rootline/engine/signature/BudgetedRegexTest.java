package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.template.Loghub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** java.util.regex under a budget finds what RE2 finds, or gives the line back to RE2/J. */
class BudgetedRegexTest {

    @Test
    void onlyRegexesThatMeanTheSameInBothEnginesAreTranslated() {
        assertThat(BudgetedRegex.of("No module named '(?<module>[\\w.]+)'")).isNotNull();
        assertThat(BudgetedRegex.of("(?m)^(?<e>[A-Z]\\w*Error): (?<d>.+)$")).isNotNull();
        assertThat(BudgetedRegex.of("PHASE FAILED:?\\s*(?P<phase>[A-Z_]+)")).isNotNull();
        for (String regex : List.of(
                "(?i)refused",
                "Exiting$",
                "\\b5\\d\\d\\b",
                "a(?s:.)b",
                "\\pL+",
                "[[:alpha:]]+",
                "(?<user_id>\\d+)",
                "\\Qa.b\\E",
                "a(?m)^b",
                "(?<detail>[^\\n]*?)\\s*\\(Background",
                ".*failed")) {
            assertThat(BudgetedRegex.of(regex)).as(regex).isNull();
        }
    }

    @Test
    void spacesAreRe2sSpaces() {
        assertThat(BudgetedRegex.of("a\\sb").find("a\u000Bb")).isNull();
        assertThat(BudgetedRegex.of("a[\\s,]b").find("a\u000Bb")).isNull();
        assertThat(BudgetedRegex.of("a\\Sb").find("a\u000Bb")).isNotNull();
        assertThat(BudgetedRegex.of("a.b").find("a\rb"))
                .as(". matches \\r in RE2")
                .isNotNull();
    }

    @Test
    void backtrackingRunsOutOfBudgetInsteadOfTime() {
        String line = "a".repeat(100_000) + "b";
        assertThatThrownBy(() -> BudgetedRegex.of("(?m)^(a+)+$").find(line))
                .isInstanceOf(BudgetedRegex.OverBudget.class);
        String fields = "x,".repeat(50_000);
        assertThatThrownBy(() -> BudgetedRegex.of("x(.*?),(.*?),(.*?)failed").find(fields))
                .isInstanceOf(BudgetedRegex.OverBudget.class);
    }

    /** Every bundled signature Java may run, on every real message and Loghub-2k line: the same match and groups. */
    @Test
    @SharedData.Required
    void findsWhatRe2FindsOnRealLines() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path file : SharedData.entryFiles()) {
            Payloads.read(Files.readAllBytes(file), Entries.NOW).stream()
                    .map(LogEvent::message)
                    .forEach(texts::add);
        }
        for (String dataset : Loghub.DATASETS) {
            Loghub.read(dataset).forEach(line -> texts.add(line.content()));
        }
        int translated = 0;
        int matches = 0;
        int overBudget = 0;
        for (SignatureDefinition signature : BundledSignaturesTest.bundled()) {
            String regex = signature.match().message();
            BudgetedRegex budgeted = BudgetedRegex.of(regex);
            if (budgeted == null || LiteralChain.of(regex) != null) {
                continue;
            }
            translated++;
            Pattern re2 = Pattern.compile(regex);
            for (String text : texts) {
                if (text.endsWith("\n")) {
                    continue;
                }
                Matcher expected = re2.matcher(text);
                java.util.regex.Matcher actual;
                try {
                    actual = budgeted.find(text);
                } catch (BudgetedRegex.OverBudget e) {
                    overBudget++;
                    continue;
                }
                if (!expected.find()) {
                    assertThat(actual).as("%s on %s", signature.id(), text).isNull();
                    continue;
                }
                matches++;
                assertThat(actual).as("%s on %s", signature.id(), text).isNotNull();
                assertThat(actual.start()).as(signature.id()).isEqualTo(expected.start());
                assertThat(actual.end()).as(signature.id()).isEqualTo(expected.end());
                for (String group : re2.namedGroups().keySet()) {
                    assertThat(actual.group(group))
                            .as("%s group %s", signature.id(), group)
                            .isEqualTo(expected.group(group));
                }
            }
        }
        assertThat(translated).as("bundled signatures Java runs").isGreaterThan(30);
        // over 300 until websocket.error stopped matching every "1011" of Loghub (a pid, a block size)
        assertThat(matches).as("matches compared").isGreaterThan(200);
        assertThat(overBudget).as("real lines sent back to RE2/J").isLessThan(texts.size() / 100);
    }
}
