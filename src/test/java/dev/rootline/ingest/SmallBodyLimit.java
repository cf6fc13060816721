package dev.rootline.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A 64 KiB body limit, so the limit can be tested without sending 32 MiB. */
public class SmallBodyLimit implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rootline.ingest.max-body-size", "64K");
    }
}
