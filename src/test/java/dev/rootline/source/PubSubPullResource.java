package dev.rootline.source;

import dev.rootline.ingest.PubSubEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the Pub/Sub emulator with topic {@value #TOPIC} and a pull subscription to it, read by a source named
 * {@code emulator}. Where gcloud is missing it starts nothing, and the test skips itself.
 */
public class PubSubPullResource implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "rootline-logs";

    private PubSubEmulator emulator;

    @Override
    public Map<String, String> start() {
        if (!PubSubEmulator.installed()) {
            return Map.of();
        }
        try {
            emulator = PubSubEmulator.start();
            emulator.createTopic(TOPIC);
            String subscription = emulator.createPullSubscription("rootline-pull", TOPIC);
            return Map.of(
                    "rootline.sources.pubsub-endpoint",
                    emulator.endpoint(),
                    "rootline.sources.pubsub-plaintext",
                    "true",
                    "rootline.sources.pubsub.emulator.subscription",
                    subscription);
        } catch (Exception e) {
            throw new IllegalStateException("the Pub/Sub emulator", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(emulator, new TestInjector.MatchesType(PubSubEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
