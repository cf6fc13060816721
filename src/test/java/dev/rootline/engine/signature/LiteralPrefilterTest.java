package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.SharedData;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.template.Loghub;
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
    @CsvSource(
            delimiter = '#',
            nullValues = "NULL",
            value = {
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
                "a.b.c # NULL"
            })
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

    @Test
    void eachBranchOfATopLevelAlternationKeepsItsOwnConjunction() {
        assertThat(RequiredLiterals.branches(
                        "(?i)(?:Error \\d+ connecting to (?<h>\\S+)|redis[\\w ]{0,40}connection (?:failed|refused))"))
                .isEqualTo(new Prefilter(List.of(
                        new Conjunction(List.of(List.of("error"), List.of("connecting to"))),
                        new Conjunction(
                                List.of(List.of("redis"), List.of("connection"), List.of("failed", "refused"))))));
        assertThat(RequiredLiterals.branches("Worker (?:exited|died)"))
                .isEqualTo(
                        new Prefilter(List.of(new Conjunction(List.of(List.of("worker"), List.of("exited", "died"))))));
        assertThat(RequiredLiterals.branches("abcd|ef").everyLine()).isTrue();
    }

    @Test
    void aCaseSensitiveRegexKeepsTheCaseOfItsLiterals() {
        assertThat(RequiredLiterals.exactCase("(?m)^(?<e>[A-Z]\\w*(?:Error|Exception)): (?<d>.+)$"))
                .containsExactly(List.of("Error", "Exception"));
        assertThat(RequiredLiterals.exactCase("(?i)connection refused")).isEmpty();
        assertThat(RequiredLiterals.exactCase("(?:ok|(?i:Refused)) again")).isEmpty();
    }

    /**
     * Property: for every example a signature matches, one prefilter branch has a literal of each of its groups in
     * the line, and each exact-case group is in it as written.
     */
    @Test
    void thePrefilterNeverDropsAMatchOfTheBundledSignatures() throws Exception {
        SignatureSet set = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        for (CompiledSignature s : set.signatures()) {
            for (String example : s.definition().examples().match()) {
                String message = ExampleCheck.event(s, example).message();
                String lower = message.toLowerCase(Locale.ROOT);
                for (List<String> group : s.literals()) {
                    assertThat(group).as(s.id()).anyMatch(lower::contains);
                }
                assertThat(s.prefilter().branches())
                        .as(s.id())
                        .anyMatch(branch -> branch.groups().stream()
                                .allMatch(group -> group.stream().anyMatch(lower::contains)));
                for (List<String> group :
                        RequiredLiterals.exactCase(s.definition().match().message())) {
                    assertThat(group).as(s.id()).anyMatch(message::contains);
                }
            }
        }
    }

    /**
     * Property: on every Loghub-2k line, the set finds exactly what running each of its signatures alone finds,
     * with one signature per template of the dataset: literal chains, for which the scan looks for one literal.
     */
    @Test
    @SharedData.Required
    void theSetFindsWhatEachSignatureFindsAlone() throws Exception {
        for (String dataset : Loghub.DATASETS) {
            List<Loghub.Line> lines = Loghub.read(dataset);
            List<SignatureDefinition> definitions = new ArrayList<>();
            for (String template :
                    lines.stream().map(Loghub.Line::eventTemplate).distinct().toList()) {
                SignatureDefinition definition = Loghub.signature("loghub.t" + definitions.size(), template);
                try {
                    SignatureCompiler.compile(List.of(definition));
                    definitions.add(definition);
                } catch (InvalidSignatureException e) {
                    // a template whose example our normalisation changes, as the benchmark skips too
                }
            }
            assertThat(definitions).as(dataset).hasSizeGreaterThan(5);
            SignatureSet set = SignatureCompiler.compile(definitions);
            for (Loghub.Line line : lines) {
                LogEvent event = ExampleCheck.event(set.signatures().get(0), line.content());
                List<String> alone = set.signatures().stream()
                        .filter(s -> s.match(event, e -> null).isPresent())
                        .map(CompiledSignature::id)
                        .toList();
                assertThat(set.match(event))
                        .as(line.content())
                        .map(Match::signature)
                        .map(CompiledSignature::id)
                        .isEqualTo(alone);
            }
        }
    }

    /**
     * Property: the automaton finds exactly the literals that String.contains finds, on random text, including
     * literals that straddle the middle of a text, where its two half scans meet.
     */
    @Test
    void theAutomatonAgreesWithBruteForce() {
        Random random = new Random(11);
        String alphabet = "abcAB(): ";
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            literals.add(randomText(random, alphabet, 1 + random.nextInt(i < 50 ? 4 : 9))
                    .toLowerCase(Locale.ROOT));
        }
        LiteralAutomaton automaton = new LiteralAutomaton(literals);
        for (int round = 0; round < 5000; round++) {
            String text = randomText(random, alphabet + "xyz", random.nextInt(80));
            BitSet found = new BitSet();
            automaton.scan(text, found);
            for (int i = 0; i < literals.size(); i++) {
                assertThat(found.get(i))
                        .as("%s in %s", literals.get(i), text)
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
