package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureCompilerTest {

    private static final String VALID = """
            - id: test.worker-exit
              title: Worker exited with code {code}
              category: worker
              role: effect
              severity: high
              match:
                message: 'Worker \\(pid:(?<pid>\\d+)\\) exited with code (?<code>\\d+)'
                minSeverity: ERROR
              summary: 'exit {code}'
              examples:
                match: ['[ERROR] Worker (pid:14) exited with code 3', '[ERROR] Worker (pid:9) exited with code 4']
                no_match: ['[INFO] Worker (pid:14) exited with code 3']
            """;

    private static SignatureSet compile(String yaml) throws InvalidSignatureException {
        return SignatureCompiler.compile(SignatureYaml.parse("test.yaml", yaml));
    }

    @Test
    void aMatchCarriesItsFieldsTextAndExplanation() throws Exception {
        SignatureSet set = compile(VALID);
        var event = Payloads.read(
                        "{\"textPayload\":\"[2025-09-16 00:41:13 +0000] [13] [ERROR] Worker (pid:14) exited with code 3\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        Entries.NOW)
                .get(0);
        List<Match> matches = set.match(event);
        assertThat(matches).hasSize(1);
        Match m = matches.get(0);
        assertThat(m.fields()).containsExactly(java.util.Map.entry("pid", "14"), java.util.Map.entry("code", "3"));
        assertThat(m.title()).isEqualTo("Worker exited with code 3");
        assertThat(m.explain()).contains("test.worker-exit", "test.yaml:1", "Worker (pid:14) exited with code 3");
    }

    @Test
    void fieldLogNameAndResourceConditionsMustAllHold() throws Exception {
        String yaml = """
                - id: test.gateway-503
                  title: Gateway answered 503
                  category: request
                  role: symptom
                  severity: medium
                  match:
                    message: 'request failed'
                    logName: '*run.googleapis.com%2Frequests'
                    resourceType: cloud_run_revision
                    fields: {httpRequest.status: '503'}
                  examples:
                    match:
                      - '{"logName":"projects/p/logs/run.googleapis.com%2Frequests","resource":{"type":"cloud_run_revision"},"textPayload":"request failed","httpRequest":{"status":503}}'
                      - '{"logName":"projects/q/logs/run.googleapis.com%2Frequests","resource":{"type":"cloud_run_revision"},"textPayload":"the request failed","httpRequest":{"status":"503"}}'
                    no_match:
                      - '{"logName":"projects/p/logs/run.googleapis.com%2Frequests","resource":{"type":"cloud_run_revision"},"textPayload":"request failed","httpRequest":{"status":500}}'
                      - '{"logName":"projects/p/logs/run.googleapis.com%2Fstderr","resource":{"type":"cloud_run_revision"},"textPayload":"request failed","httpRequest":{"status":503}}'
                      - '{"logName":"projects/p/logs/run.googleapis.com%2Frequests","resource":{"type":"gae_app"},"textPayload":"request failed","httpRequest":{"status":503}}'
                """;
        assertThat(compile(yaml).signatures()).extracting(CompiledSignature::id).containsExactly("test.gateway-503");
    }

    @Test
    void errorsNameTheFileTheLineAndTheReason() {
        assertRejected(
                VALID.replace("(?<code>\\d+)'", "(?<code>\\d+'"), "test.yaml:1", "not an RE2 regular expression");
        assertRejected(VALID.replace("exit {code}", "exit {status}"), "test.yaml:1", "{status} is not a named group");
        assertRejected(
                VALID.replace("  summary:", "  explains: [nope.missing]\n  summary:"),
                "test.yaml:1",
                "explains unknown signature nope.missing");
        assertRejected(
                VALID.replace("no_match: ['[INFO]", "no_match: ['[ERROR]"), "test.yaml:1", "no_match example matches");
        assertRejected(
                VALID.replace("'[ERROR] Worker (pid:9) exited with code 4'", "'Worker gone'"),
                "test.yaml:1",
                "example does not match");
        assertRejected(
                VALID.replace(", '[ERROR] Worker (pid:9) exited with code 4'", ""), "test.yaml:1", "at least 2 match");
        assertRejected(
                VALID.replace("  severity: high", "  severity: high\n  sevrity: low"),
                "test.yaml:6",
                "unknown key 'sevrity'");
        assertRejected(VALID.replace("role: effect", "role: culprit"), "test.yaml:1", "'culprit' is not a Role");
        assertRejected(
                VALID + VALID.replace("title: Worker", "title: Again"),
                "test.yaml:13",
                "already defined at test.yaml:1");
        assertRejected("- id: [unclosed", "test.yaml:1", "not valid YAML");
    }

    /** RE2 semantics: patterns that backtrack catastrophically elsewhere run in linear time here. */
    @Test
    void pathologicalPatternsRunInLinearTimeOnLongLines() throws Exception {
        String yaml = """
                - id: test.pathological
                  title: t
                  category: exception
                  role: cause
                  severity: low
                  match:
                    message: '(a+)+$'
                  examples:
                    match: ['aaaa', 'ba']
                    no_match: ['b']
                - id: test.templated
                  title: t
                  category: exception
                  role: cause
                  severity: low
                  match:
                    message: '(.*?) (.*?) (.*?) (.*?) (.*?) failed'
                  examples:
                    match: ['a b c d e failed', 'x y z w v u failed']
                    no_match: ['nothing']
                """;
        SignatureSet set = compile(yaml);
        String line = "a".repeat(50_000) + " " + "b ".repeat(25_000) + "!";
        var event = Payloads.read(("{\"textPayload\":\"" + line + "\"}").getBytes(StandardCharsets.UTF_8), Entries.NOW)
                .get(0);
        long start = System.nanoTime();
        List<Match> matches = set.match(event);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(matches).isEmpty();
        assertThat(millis)
                .as("a 100 kB line against backtracking-prone patterns")
                .isLessThan(5_000);
    }

    @Test
    void regexesTooCostlyToCompileAndFilesTooLargeAreRefusedByName() {
        String nested = VALID.replace("message: ", "message: '((a{100}){100}){100}' #");
        assertRejected(nested, "test.yaml:1", "nests counted repetitions to 10000 copies; the limit is 1000");
        String counted = VALID.replace("message: ", "message: 'x{1001}' #");
        assertRejected(counted, "test.yaml:1", "the limit is 1000");
        String longRegex = VALID.replace("message: ", "message: '" + "a".repeat(5000) + "' #");
        assertRejected(longRegex, "test.yaml:1", "is 5000 characters long; the limit is 4096");
        assertThat(RegexLimits.violation("(?<v>[A-Z]{2,32})(?:_\\d{1,4}){0,3} [\\w{}]{1,100}"))
                .isEmpty();
        String huge = "# padding\n".repeat(SignatureYaml.MAX_FILE_CHARS / 10 + 1);
        assertThatThrownBy(() -> SignatureYaml.parse("big.yaml", huge))
                .hasMessageContaining("big.yaml:1")
                .hasMessageContaining("the limit is " + SignatureYaml.MAX_FILE_CHARS);
    }

    @Test
    void yamlThatDoesNotLoadNamesItsFileAndLine() {
        assertThatThrownBy(() -> SignatureYaml.parse("keys.yaml", "- ? [a, b]\n  : c\n"))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("keys.yaml:");
        assertThatThrownBy(() -> SignatureYaml.parse("alias.yaml", "- id: *nowhere\n"))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("alias.yaml:1");
    }

    private static void assertRejected(String yaml, String location, String reason) {
        assertThatThrownBy(() -> compile(yaml))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining(location)
                .hasMessageContaining(reason);
    }
}
