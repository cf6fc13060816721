package dev.rootline.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two thousand seeded mutations of real exports and of our own entries, against the running app: no answer is a
 * 5xx, none takes ten seconds, nothing of a refused body is stored, and the app is ready afterwards. Reproduce a
 * failure with its seed and case number; {@code bench/app.sh FuzzBench} runs the long version.
 */
@QuarkusTest
@TestProfile(BodyFuzzTest.Own.class)
class BodyFuzzTest {

    static final long SEED = 20261206L;
    static final int CASES = 2000;

    /** An app of its own, so that the store's total moves only with the fuzzer's bodies. */
    public static class Own implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void noMutationGetsAServerErrorHangsOrStoresARefusedEntry() throws Exception {
        FuzzRun.Report report = new FuzzRun(base.toURI(), null).run(SEED, CASES);
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.accepted()).as("some mutations leave a good body").isPositive();
        assertThat(report.refused()).as("most do not").isGreaterThan(CASES / 2);
        assertThat(new FuzzRun(base.toURI(), null).ready()).isTrue();
    }
}
