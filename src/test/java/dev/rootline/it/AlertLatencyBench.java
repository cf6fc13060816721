package dev.rootline.it;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.notify.SlackFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Alert latency, from posting a failing boot sequence to the webhook request that announces it: the packaged jar
 * on its embedded defaults, Slack a local server. One sequence at a time, each a new service and so a new
 * incident. Not a test: run by {@code bench/app.sh AlertLatencyBench} (see docs/benchmarks.md).
 */
public final class AlertLatencyBench {

    private AlertLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int warmup = 50;
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path workDir = Files.createTempDirectory("rootline-alert-latency");
        try (SlackFake slack = SlackFake.start();
                RootlineProcess app = RootlineProcess.start(
                        workDir,
                        Map.of(
                                "ROOTLINE_SLACK_WEBHOOK_URL",
                                slack.url("bench"),
                                "ROOTLINE_SLACK_RATE_LIMIT",
                                "100000"))) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < warmup + measured; i++) {
                String service = "latency-" + i;
                byte[] boot = LayeredFailure.array(
                        new LayeredFailure(service, Instant.now().minusSeconds(10)).entries(1));
                Instant posted = Instant.now();
                if (app.post("/api/v1/entries", "application/json", boot).statusCode() != 200) {
                    throw new IllegalStateException("ingest failed");
                }
                Instant alerted = slack.await(r -> r.text().contains(service + "*"), 1, Duration.ofSeconds(30))
                        .get(0)
                        .at();
                if (i >= warmup) {
                    latencies.add(Duration.between(posted, alerted).toNanos());
                }
            }
            System.out.println("alert latency (boot sequences): " + latencies.summary());
        }
    }
}
