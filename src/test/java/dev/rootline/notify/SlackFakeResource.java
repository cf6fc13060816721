package dev.rootline.notify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link SlackFake} for a test class, points the default route at it (and a rate-limited route for
 * {@code storm-*} services), and injects it into the test's {@code SlackFake} field. Retries are quick, and log
 * times of any age are alerted on, since the fixtures replay old incidents.
 */
public class SlackFakeResource implements QuarkusTestResourceLifecycleManager {

    static final int STORM_LIMIT = 5;

    private SlackFake fake;

    @Override
    public Map<String, String> start() {
        fake = SlackFake.start();
        return Map.ofEntries(
                Map.entry("rootline.slack.webhook-url", fake.url("alerts")),
                Map.entry("rootline.slack.rate-limit", "1000"),
                Map.entry("rootline.slack.retry-backoff", "100ms"),
                Map.entry("rootline.slack.max-backoff", "2s"),
                Map.entry("rootline.slack.timeout", "2s"),
                Map.entry("rootline.slack.max-age", "3650d"),
                Map.entry("rootline.slack.routes.storm.services", "storm-*"),
                Map.entry("rootline.slack.routes.storm.webhook-url", fake.url("storm")),
                Map.entry("rootline.slack.routes.storm.rate-limit", String.valueOf(STORM_LIMIT)),
                Map.entry("rootline.slack.routes.storm.rate-window", "15s"),
                Map.entry("rootline.public-url", "https://rootline.example.com"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", "target/slack-alerts-test.log"),
                Map.entry("quarkus.log.file.level", "DEBUG"),
                Map.entry("quarkus.log.category.\"dev.rootline\".level", "DEBUG"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(SlackFake.class));
    }

    @Override
    public void stop() {
        fake.close();
    }
}
