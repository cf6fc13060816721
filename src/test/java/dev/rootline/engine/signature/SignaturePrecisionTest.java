package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.SharedData;
import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.template.Loghub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundled signature run over every real line in {@code ../shared} (the corpora, the exports, the samples and
 * Loghub-2k) and over every other signature's examples: a signature must match what names its failure, never a
 * number without context, and two causes that see one line must know which explains the other, or one failure
 * becomes two incidents.
 */
@SharedData.Required
class SignaturePrecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers, hex and ids: what says nothing about which failure a line tells. */
    private static final Pattern VARIABLE = Pattern.compile("0x[0-9a-fA-F]+|[0-9a-fA-F]*\\d[0-9a-fA-F]*|[^\\p{L}\\s]+");

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Pattern LONG_TOKEN = Pattern.compile("\\p{L}{8,}");

    private static SignatureSet set;
    private static List<LogEvent> lines;

    @BeforeAll
    static void load() throws Exception {
        set = SignatureCompiler.compile(BundledSignaturesTest.bundled());
        lines = realLines();
    }

    @Test
    void whatASignatureMatchesNamesAFailureNotJustANumber() throws Exception {
        List<String> weak = new ArrayList<>();
        for (LogEvent line : withExamples(lines)) {
            for (Match m : set.match(line)) {
                if (!meaningful(m.matchedText())) {
                    weak.add(m.signature().id() + " matched '" + m.matchedText() + "' in: " + cut(line.message()));
                }
            }
        }
        assertThat(weak).as("matches that hold no words").isEmpty();
    }

    @Test
    void noCauseSignatureMatchesALineEngineersCalledNoiseOrASymptom() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.ROOT.resolve("corpus/exports/dev"))) {
            for (Path expected : files.filter(f -> f.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList()) {
                JsonNode labels = JSON.readTree(expected.toFile());
                Path export = expected.resolveSibling(labels.get("export").asText());
                List<LogEvent> events = Payloads.read(Files.readAllBytes(export), Entries.NOW);
                for (JsonNode problem : labels.get("problems")) {
                    String called = problem.path("humans_called").asText();
                    String substring = problem.path("example_substring").asText("");
                    if (substring.isEmpty() || !called.equals("noise") && !called.equals("symptom")) {
                        continue;
                    }
                    for (LogEvent e : events) {
                        if (e.message().contains(substring)) {
                            set.match(e).stream()
                                    .filter(m -> m.signature().definition().role() == Role.CAUSE)
                                    .forEach(m ->
                                            wrong.add(m.signature().id() + " on " + called + ": " + cut(e.message())));
                        }
                    }
                }
            }
        }
        assertThat(new LinkedHashSet<>(wrong))
                .as("causes matching noise or symptoms")
                .isEmpty();
    }

    @Test
    void twoCausesOnOneLineKnowWhichExplainsTheOther() throws Exception {
        Set<String> unrelated = new LinkedHashSet<>();
        for (LogEvent line : withExamples(lines)) {
            List<SignatureDefinition> causes = set.match(line).stream()
                    .map(m -> m.signature().definition())
                    .filter(d -> d.role() == Role.CAUSE)
                    .toList();
            for (SignatureDefinition a : causes) {
                for (SignatureDefinition b : causes) {
                    if (a.id().compareTo(b.id()) < 0
                            && !a.explains().contains(b.id())
                            && !b.explains().contains(a.id())
                            && !(a.latent() && b.latent())) {
                        unrelated.add(a.id() + " and " + b.id() + " on: " + cut(line.message()));
                    }
                }
            }
        }
        assertThat(unrelated)
                .as("one line, two causes, no explains between them")
                .isEmpty();
    }

    /** Two words of three letters or more, or one of eight, once numbers, ids and punctuation are taken out. */
    static boolean meaningful(String matched) {
        String words = VARIABLE.matcher(matched).replaceAll(" ");
        return WORD.matcher(words).results().count() >= 2
                || LONG_TOKEN.matcher(words).find();
    }

    private static List<LogEvent> withExamples(List<LogEvent> real) throws Exception {
        List<LogEvent> all = new ArrayList<>(real);
        for (CompiledSignature s : set.signatures()) {
            for (String example : s.definition().examples().match()) {
                all.add(ExampleCheck.event(s, example));
            }
        }
        return all;
    }

    private static List<LogEvent> realLines() throws Exception {
        List<LogEvent> out = new ArrayList<>();
        for (Path file : SharedData.entryFiles()) {
            out.addAll(Payloads.read(Files.readAllBytes(file), Entries.NOW));
        }
        for (String corpus : List.of("corpus/dev", "corpus/wild-dev")) {
            try (Stream<Path> files = Files.list(SharedData.ROOT.resolve(corpus))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode entries = JSON.readTree(file.toFile()).get("entries");
                    if (entries != null) {
                        out.addAll(Payloads.read(JSON.writeValueAsBytes(entries), Entries.NOW));
                    }
                }
            }
        }
        for (String dataset : Loghub.DATASETS) {
            for (Loghub.Line line : Loghub.read(dataset)) {
                String entry = "{\"textPayload\":" + JSON.writeValueAsString(line.content()) + "}";
                out.addAll(Payloads.read(entry.getBytes(StandardCharsets.UTF_8), Entries.NOW));
            }
        }
        return out;
    }

    private static String cut(String message) {
        String line = message.strip().replace('\n', ' ');
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
