package dev.rootline.verdict;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Argo Rollouts template in {@code docker/}, read as Argo reads it: its URL against the running app, its JSON
 * path on the answer, and its conditions on the result, for a passing, a failing and a silent revision.
 */
@QuarkusTest
class AnalysisTemplateTest {

    private static final Pattern PATH = Pattern.compile("\\{\\$\\.([A-Za-z.]+)}");
    private static final Pattern EQUALS = Pattern.compile("result == \"(\\w+)\"");

    private record Metric(String url, String jsonPath, String success, String failure) {}

    @SuppressWarnings("unchecked")
    private static Metric metric() throws Exception {
        Map<String, Object> template = new Yaml().load(Files.readString(Path.of("docker/argo-analysis-template.yaml")));
        Map<String, Object> spec = (Map<String, Object>) template.get("spec");
        Map<String, Object> metric = ((List<Map<String, Object>>) spec.get("metrics")).get(0);
        Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) metric.get("provider")).get("web");
        return new Metric(
                (String) web.get("url"), (String) web.get("jsonPath"), (String) metric.get("successCondition"), (String)
                        metric.get("failureCondition"));
    }

    /** Argo's phase for a measurement: Successful, Failed, or Inconclusive when neither condition holds. */
    private static String phase(Metric metric, String service, String revision) throws Exception {
        String path = metric.url()
                .replace("{{args.rootline-url}}", "")
                .replace("{{args.service}}", service)
                .replace("{{args.revision}}", revision)
                .replace("wait=PT10M", "wait=PT1S");
        JsonNode answer = new ObjectMapper()
                .readTree(given().get(path).then().statusCode(200).extract().asString());
        Matcher jsonPath = PATH.matcher(metric.jsonPath());
        assertThat(jsonPath.matches())
                .as("a JSON path Argo can read: " + metric.jsonPath())
                .isTrue();
        JsonNode result = answer;
        for (String field : jsonPath.group(1).split("\\.")) {
            result = result.path(field);
        }
        if (result.asText().equals(expected(metric.success()))) {
            return "Successful";
        }
        return result.asText().equals(expected(metric.failure())) ? "Failed" : "Inconclusive";
    }

    private static String expected(String condition) {
        Matcher m = EQUALS.matcher(condition);
        assertThat(m.matches()).as("a condition on the result: " + condition).isTrue();
        return m.group(1);
    }

    @Test
    void theTemplatePassesAReadyRevisionFailsABrokenOneAndPausesOnSilence() throws Exception {
        String service = "argo-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);
        Api.ingest(LayeredFailure.array(logs.entries(1)));
        Api.ingest(LayeredFailure.array(logs.entries(2)));
        Api.ingest(LayeredFailure.array(logs.entries(3)));
        Metric metric = metric();

        assertThat(phase(metric, service, logs.revision(3))).isEqualTo("Successful");
        assertThat(phase(metric, service, logs.revision(2))).isEqualTo("Failed");
        assertThat(phase(metric, service, service + "-00009-zzz")).isEqualTo("Inconclusive");
    }
}
