package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.notify.SlackFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar stopped while Slack is failing and alerts wait for a retry, then started again. */
class AlertRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void alertsPendingAtAStopAreDeliveredOnceAfterTheRestart() throws Exception {
        String service = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);
        Predicate<SlackFake.Request> about = r -> r.text().contains(service);
        try (SlackFake slack = SlackFake.start()) {
            Map<String, String> settings = Map.of(
                    "ROOTLINE_SLACK_WEBHOOK_URL",
                    slack.url("alerts"),
                    "ROOTLINE_SLACK_MAX_AGE",
                    "3650d",
                    "ROOTLINE_SLACK_RETRY_BACKOFF",
                    "300ms",
                    "ROOTLINE_SLACK_MAX_BACKOFF",
                    "1s");
            slack.down(SlackFake.Reply.of(503, "service_unavailable"));
            try (RootlineProcess app = RootlineProcess.start(workDir, settings)) {
                for (int revision = 1; revision <= 4; revision++) {
                    assertThat(app.post(
                                            "/api/v1/entries",
                                            "application/json",
                                            LayeredFailure.array(logs.entries(revision)))
                                    .statusCode())
                            .isEqualTo(200);
                }
                slack.await(about, 8, WAIT); // several alerts tried and retried
                app.kill();
            }
            int failedBeforeRestart = slack.requests(about).size();
            slack.up();
            try (RootlineProcess restarted = RootlineProcess.start(workDir, settings)) {
                List<SlackFake.Request> delivered = slack.await(about.and(r -> r.status() == 200), 5, WAIT);
                Thread.sleep(2000);
                assertThat(slack.requests(about.and(r -> r.status() == 200)))
                        .as("nothing twice")
                        .hasSize(5);
                assertThat(delivered)
                        .extracting(SlackFake.Request::header)
                        .map(h -> h.substring(0, h.indexOf(':')))
                        .containsExactlyInAnyOrder(
                                "🔴 Opened", "✅ Resolved", "🟠 Uncovered", "✅ Resolved", "🔁 Regressed");
                assertThat(failedBeforeRestart).isGreaterThanOrEqualTo(8);
                assertThat(Files.readString(workDir.resolve("rootline.log"))).doesNotContain(SlackFake.SECRET);
            }
        }
    }
}
