package dev.rootline.source;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeLoggingApi} and points a pull source named {@code fake} at it. */
public class FakeLoggingApiResource implements QuarkusTestResourceLifecycleManager {

    private FakeLoggingApi api;

    @Override
    public Map<String, String> start() {
        api = new FakeLoggingApi().start();
        return Map.of(
                "rootline.sources.logging-endpoint",
                api.endpoint(),
                "rootline.sources.logging-plaintext",
                "true",
                "rootline.sources.logging.fake.project",
                "p",
                "rootline.sources.logging.fake.filter",
                "resource.type=\"cloud_run_revision\"",
                "rootline.sources.logging.fake.poll-interval",
                "200ms",
                "rootline.sources.logging.fake.overlap",
                "2m");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api, new TestInjector.MatchesType(FakeLoggingApi.class));
    }

    @Override
    public void stop() {
        api.close();
    }
}
