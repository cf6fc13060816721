package dev.rootline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;
import dev.rootline.engine.signature.SignatureSeverity;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages as Slack receives them: within its limits, the root-cause line always whole, and log text inert. */
class AlertMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-03-02T09:10:03Z");
    private final AlertMessages messages = new AlertMessages("https://rootline.example.com/");

    @Test
    void hugeIncidentsStayWithinSlackLimitsAndKeepTheRootCauseLine() throws Exception {
        String summary = "DATABASE_HOST was rejected at startup";
        String title = "Configuration validator rejected " + "DATABASE_HOST, ".repeat(40);
        List<String> whys = Collections.nCopies(500, "Why: Requests failed? Because: Container exited with code 3.");
        JsonNode message = json(messages.change(
                AlertKind.OPENED, "svc-00002-abc", detail(title, summary, "x".repeat(20_000), whys), Optional.empty()));

        assertThat(message.path("blocks").size()).isLessThanOrEqualTo(AlertMessages.BLOCK_LIMIT);
        for (JsonNode block : message.path("blocks")) {
            String text = block.path("text").path("text").asText();
            int limit = block.path("type").asText().equals("header")
                    ? AlertMessages.HEADER_LIMIT
                    : AlertMessages.SECTION_LIMIT;
            assertThat(text.length()).as(block.path("type").asText()).isLessThanOrEqualTo(limit);
        }
        assertThat(header(message))
                .hasSize(AlertMessages.HEADER_LIMIT)
                .startsWith("🔴 Opened: Configuration validator")
                .endsWith("…");
        assertThat(sections(message))
                .anySatisfy(s -> assertThat(s)
                        .startsWith("*Root cause:* " + summary + "\n")
                        .contains("```xxx")
                        .endsWith("…```"));
        assertThat(message.toString()).contains("4,213 × cloudrun.request-failed");
    }

    @Test
    void logTextCannotInjectLinksOrMentions() throws Exception {
        JsonNode message = json(messages.change(
                AlertKind.OPENED,
                "svc-00001-abc",
                detail(
                        "<script>alert(1)</script>",
                        "<!channel> & <https://evil.example|click>",
                        "<img src=x onerror=alert(1)>",
                        List.of()),
                Optional.empty()));

        assertThat(sections(message))
                .anySatisfy(s -> assertThat(s)
                        .contains(
                                "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;",
                                "&lt;img src=x onerror=alert(1)&gt;"));
        assertThat(message.toString()).doesNotContain("<!channel>", "<https://evil", "<img");
        assertThat(header(message))
                .isEqualTo("🔴 Opened: <script>alert(1)</script>")
                .as("a header is plain text, which Slack never interprets");
    }

    @Test
    void theFallbackTextEscapesTheServiceAndTitleToo() throws Exception {
        JsonNode message = json(messages.change(
                AlertKind.OPENED,
                "svc-00001-abc",
                detail("<!channel>", "<!here> ping", "x", List.of(), "<!channel>-svc"),
                Optional.empty()));

        assertThat(message.path("text").asText()).isEqualTo("[&lt;!channel&gt;-svc] 🔴 Opened: &lt;!channel&gt;");
        assertThat(sections(message)).allSatisfy(s -> assertThat(s).doesNotContain("<!channel>", "<!here>"));
    }

    @Test
    void aDigestListsWhatWasHeldBackWithinLimits() throws Exception {
        List<AlertMessages.Held> held = new ArrayList<>();
        for (int i = 0; i < 995; i++) {
            held.add(new AlertMessages.Held(
                    AlertKind.OPENED, "storm-" + i, "Name v" + i + " is not defined", "inc_" + i));
        }
        AlertRoute route = new AlertRoute(
                "storm",
                AlertRoute.globs("storm-*"),
                SignatureSeverity.LOW,
                URI.create("https://hooks.slack.com/services/T/B/secret"),
                5,
                Duration.ofMinutes(1));
        JsonNode digest = json(messages.digest(route, held.subList(0, AlertMessages.DIGEST_LINES), held.size()));

        assertThat(header(digest)).isEqualTo("⏸ 995 more alerts held back on route storm");
        assertThat(sections(digest).get(0))
                .startsWith("• Opened *storm-0*: Name v0 is not defined")
                .endsWith("…and 975 more.")
                .hasSizeLessThanOrEqualTo(AlertMessages.SECTION_LIMIT);
        assertThat(digest.toString()).contains("5 alerts per 1m").doesNotContain("secret");
    }

    private static IncidentDetail detail(String title, String summary, String evidence, List<String> whys) {
        return detail(title, summary, evidence, whys, "svc");
    }

    private static IncidentDetail detail(
            String title, String summary, String evidence, List<String> whys, String service) {
        IncidentJson.Evidence line = new IncidentJson.Evidence("id-1", T, evidence);
        IncidentJson incident = new IncidentJson(
                "inc_1",
                "open",
                service,
                "svc-00002-abc",
                title,
                "configuration",
                "critical",
                "high",
                T,
                T,
                5,
                new IncidentJson.RootCause("config.validation-failed", "configuration", summary, line),
                List.of(
                        new IncidentJson.ChainStep("config.validation-failed", "cause", 1, line),
                        new IncidentJson.ChainStep("cloudrun.request-failed", "symptom", 4213, line)),
                null,
                null);
        return new IncidentDetail(incident, whys, null, List.of(), List.of(), List.of(), List.of());
    }

    private static JsonNode json(Payload payload) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(payload));
    }

    private static String header(JsonNode message) {
        return message.path("blocks").get(0).path("text").path("text").asText();
    }

    private static List<String> sections(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("section")) {
                out.add(b.path("text").path("text").asText());
            }
        });
        return out;
    }
}
