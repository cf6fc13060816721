package dev.rootline.incident;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * An app on an emptied database (and, as every test app, its own data directory): for evaluations whose corpora
 * share entry identities with each other and with other tests' data.
 */
public class FreshDatabase implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.flyway.clean-at-start", "true", "quarkus.flyway.clean-disabled", "false");
    }

    /** The same app again, emptied again: one evaluation's corpus does not see the other's. */
    public static class Again extends FreshDatabase {}
}
