package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralPrefilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', nullValues = "NULL", value = {
            "Worker \\(pid:(?<pid>\\d+)\\) exited with code (?<code>\\d+) # ) exited with code",
            "Container called exit\\((?<code>\\d+)\\) # container called exit(",
            "(?<var>[A-Z][A-Z0-9_]{2,}) validation failed: (?<reason>.+) # validation failed:",
            "abcd?ef # abc",
            "OOMKilled # oomkilled",
            "foo|barn # foo,barn",
            "(?i)(?:WebSocket error|1011) # websocket error,1011",
            "(?m)^(?<e>(?:[a-z_]\\w*\\.)*[A-Z]\\w*(?:Error|Exception)): (?<d>.+)$ # error,exception",
            "(?:abc)?defg # defg",
            "ab|cdef # NULL",
            "(?i)(?:a|b) # NULL",
            "a.b.c # NULL"})
    void findsLiteralsEveryMatchMustContain(String regex, String literals) {
        List<String> found = RequiredLiterals.anyOf(regex);
        assertThat(found).isEqualTo(literals == null ? null : List.of(literals.split(",")));
    }

    @Test
    void requiresEveryLiteralRunOfASequence() {
        assertThat(RequiredLiterals.allOf("Worker (?:exited|died) with code (?<c>\\d+) at [a-z]+"))
                .containsExactly(List.of("worker"), List.of("exited", "died"), List.of("with code"));
        assertThat(RequiredLiterals.allOf("(?i)(?:a|b)")).isEmpty();
    }

    /** Property: for every example a signature matches, each of its prefilter groups has a literal in the line. */
    @Test
    void thePrefilterNeverDropsAMatchOfTheBundledSignatures() throws Exception {
        SignatureSet set = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        for (CompiledSignature s : set.signatures()) {
            for (String example : s.definition().examples().match()) {
                String message = ExampleCheck.event(s, example).message().toLowerCase(Locale.ROOT);
                for (List<String> group : s.literals()) {
                    assertThat(group).as(s.id()).anyMatch(message::contains);
                }
            }
        }
    }

    /** Property: the automaton finds exactly the literals that String.contains finds, on random text. */
    @Test
    void theAutomatonAgreesWithBruteForce() {
        Random random = new Random(11);
        String alphabet = "abcAB(): ";
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            literals.add(randomText(random, alphabet, 1 + random.nextInt(4)).toLowerCase(Locale.ROOT));
        }
        LiteralAutomaton automaton = new LiteralAutomaton(literals);
        for (int round = 0; round < 2000; round++) {
            String text = randomText(random, alphabet + "xyz", random.nextInt(40));
            BitSet found = new BitSet();
            automaton.scan(text, found);
            for (int i = 0; i < literals.size(); i++) {
                assertThat(found.get(i)).as("%s in %s", literals.get(i), text)
                        .isEqualTo(text.toLowerCase(Locale.ROOT).contains(literals.get(i)));
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
