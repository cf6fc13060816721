package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rootline.SharedData;
import dev.rootline.engine.template.Loghub;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A literal chain finds exactly what RE2 finds: the same match and the same groups, or nothing in both. */
class LiteralChainTest {

    @Test
    void templatesAndLazyGroupsAreChainsAndAnythingElseIsNot() {
        assertThat(LiteralChain.of("Connection to (.*?) failed after (?<n>.*?) retries"))
                .isNotNull();
        assertThat(LiteralChain.of("(?:.*?)\\[pid (?P<pid>.*?)\\] exited")).isNotNull();
        for (String regex : List.of(
                "a(.*)b",
                "a(.+?)b",
                "a\\d(.*?)",
                "(?i)abc",
                "a.b",
                "[ab]c",
                "ab|cd",
                "^abc",
                "a(b)c",
                "(.*?)",
                "a(?<x>.*?",
                "a\\nb",
                "ab{2}")) {
            assertThat(LiteralChain.of(regex)).as(regex).isNull();
        }
    }

    @Test
    void findsWhatRe2FindsOnRandomTexts() {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 200_000; trial++) {
            String regex = randomChain(random);
            String text = randomText(random, random.nextInt(40));
            assertSame(regex, text);
        }
    }

    /** Every Loghub-2k line against its own template's regex, and against the next line's (usually another). */
    @Test
    @SharedData.Required
    void findsWhatRe2FindsOnLoghubLines() throws Exception {
        int matched = 0;
        for (String dataset : Loghub.DATASETS) {
            List<Loghub.Line> lines = Loghub.read(dataset);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).content();
                for (String template : List.of(
                        lines.get(i).eventTemplate(),
                        lines.get((i + 1) % lines.size()).eventTemplate())) {
                    String regex = Loghub.regexOf(template);
                    if (LiteralChain.of(regex) != null) {
                        matched += assertSame(regex, text) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(matched).as("lines matched by a chain").isGreaterThan(30_000);
    }

    private static boolean assertSame(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int[] spans = LiteralChain.of(regex).find(text);
        if (!m.find()) {
            assertThat(spans).as("%s on %s", regex, text).isNull();
            return false;
        }
        int[] expected = new int[2 + 2 * m.groupCount()];
        for (int g = 0; g <= m.groupCount(); g++) {
            expected[2 * g] = m.start(g);
            expected[2 * g + 1] = m.end(g);
        }
        assertThat(spans).as("%s on %s", regex, text.replace("\n", "\\n")).isEqualTo(expected);
        return true;
    }

    /** Literals of a, b, space and dot, with capturing lazy groups anywhere, some adjacent. */
    private static String randomChain(Random random) {
        List<String> parts = new ArrayList<>();
        int literals = 1 + random.nextInt(4);
        for (int i = 0; i < literals; i++) {
            while (random.nextInt(3) == 0) {
                parts.add(random.nextBoolean() ? "(.*?)" : "(?<g" + parts.size() + ">.*?)");
            }
            parts.add(
                    randomText(random, 1 + random.nextInt(3)).replace('\n', '.').replace(".", "\\."));
        }
        while (random.nextInt(3) == 0) {
            parts.add("(.*?)");
        }
        return String.join("", parts);
    }

    private static String randomText(Random random, int length) {
        String alphabet = "ab \n.";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
