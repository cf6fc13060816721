package dev.rootline.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One replica at a time polls a source, and another takes over once the holder stops renewing (H2, PostgreSQL). */
@QuarkusTest
class SourceLeasesTest {

    private static final long T0 = 1_765_000_000_000L;

    @Inject
    SourceLeases leases;

    @Inject
    SourcesConfig config;

    private static String source() {
        return "project-" + UUID.randomUUID();
    }

    @Test
    void theHolderKeepsItByRenewingAndAnotherTakesItOnceItRunsOut() {
        String source = source();
        long lease = config.leaseDuration().toMillis();
        assertThat(leases.hold(source, "replica-a", T0)).isTrue();
        assertThat(leases.hold(source, "replica-b", T0 + 1)).as("held by a").isFalse();
        assertThat(leases.hold(source, "replica-a", T0 + lease - 1))
                .as("renewed in time")
                .isTrue();
        assertThat(leases.hold(source, "replica-b", T0 + lease + 1))
                .as("the renewal counts from when it was made")
                .isFalse();
        long lapsed = T0 + 2 * lease;
        assertThat(leases.hold(source, "replica-b", lapsed))
                .as("a stopped renewing")
                .isTrue();
        assertThat(leases.hold(source, "replica-a", lapsed + 1))
                .as("a is now the one standing by")
                .isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        String source = source();
        assertThat(leases.hold(source, leases.self(), T0)).isTrue();
        leases.release(source);
        assertThat(leases.hold(source, "replica-b", T0 + 1)).isTrue();
    }

    @Test
    void ofReplicasAskingForANewSourceAtOnceExactlyOneGetsIt() throws Exception {
        String source = source();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> asks = List.of(
                    () -> leases.hold(source, "replica-a", T0),
                    () -> leases.hold(source, "replica-b", T0),
                    () -> leases.hold(source, "replica-c", T0),
                    () -> leases.hold(source, "replica-d", T0));
            long holders = 0;
            for (Future<Boolean> answer : pool.invokeAll(asks)) {
                holders += answer.get() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
