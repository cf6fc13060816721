package dev.rootline.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Scope;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The service lock reads the row, then updates it only while the version read is current. What a process takes
 * from the lock must be the row as the previous holder committed it: a stale version would let it trust a cached
 * window that misses the other's matches.
 */
@QuarkusTest
class ServiceLockTest {

    private static final long SECOND = 1_000_000_000L;

    @Inject
    RevisionRepository revisions;

    @Inject
    DataSource dataSource;

    @Test
    void aProcessWaitingForTheLockGetsTheRowTheHolderCommitted() throws Exception {
        Scope scope = new Scope(
                "cloud_run_revision",
                "p",
                "europe-west1",
                "lock-" + UUID.randomUUID().toString().substring(0, 8),
                "rev-1",
                "i-1");
        RevisionRepository.ServiceLock created =
                inTransaction(c -> revisions.lock(c, scope, 10 * SECOND, 20 * SECOND, null));
        assertThat(created.previousVersion()).isNull();

        RevisionRepository.ServiceLock holder;
        CompletableFuture<RevisionRepository.ServiceLock> waiter;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            holder = revisions.lock(c, scope, 10 * SECOND, 30 * SECOND, null);
            // the waiter reads the committed row, then blocks on the holder's lock until it commits
            waiter = CompletableFuture.supplyAsync(
                    () -> inTransaction(w -> revisions.lock(w, scope, 10 * SECOND, 40 * SECOND, null)));
            Thread.sleep(300);
            assertThat(waiter).isNotDone();
            c.commit();
        }
        RevisionRepository.ServiceLock next = waiter.get(10, TimeUnit.SECONDS);

        assertThat(holder.previousVersion()).isEqualTo(created.version());
        assertThat(next.previousVersion())
                .as("the version the holder committed, not the one read before it")
                .isEqualTo(holder.version());
        assertThat(next.lastSeen()).isEqualTo(30 * SECOND);
        RevisionRepository.ServiceLock after =
                inTransaction(c -> revisions.lock(c, scope, 10 * SECOND, 10 * SECOND, null));
        assertThat(after.previousVersion()).isEqualTo(next.version());
        assertThat(after.lastSeen()).isEqualTo(40 * SECOND);
    }

    /** A process whose kept state is older than the row (another process correlated since) must read the row. */
    @Test
    void aKeptStateOfAnOlderVersionIsNotTrusted() {
        Scope scope = new Scope(
                "cloud_run_revision",
                "p",
                "europe-west1",
                "stale-" + UUID.randomUUID().toString().substring(0, 8),
                "rev-1",
                "i-1");
        RevisionRepository.ServiceLock created =
                inTransaction(c -> revisions.lock(c, scope, 10 * SECOND, 20 * SECOND, null));
        ServiceState kept = stateAt(created.version(), 20 * SECOND);
        RevisionRepository.ServiceLock other =
                inTransaction(c -> revisions.lock(c, scope, 10 * SECOND, 30 * SECOND, null));

        RevisionRepository.ServiceLock next =
                inTransaction(c -> revisions.lock(c, scope, 10 * SECOND, 40 * SECOND, kept));

        assertThat(next.previousVersion()).isEqualTo(other.version());
        assertThat(kept.currentAt(next.previousVersion())).isFalse();
        assertThat(next.lastSeen()).isEqualTo(30 * SECOND);
        RevisionRepository.ServiceLock trusted = inTransaction(
                c -> revisions.lock(c, scope, 10 * SECOND, 40 * SECOND, stateAt(next.version(), 40 * SECOND)));
        assertThat(trusted.previousVersion()).isEqualTo(next.version());
        assertThat(trusted.lastSeen()).isEqualTo(40 * SECOND);
    }

    private static ServiceState stateAt(long version, long lastSeen) {
        ServiceState state = ServiceState.empty();
        state.version = version;
        state.lastSeen = lastSeen;
        return state;
    }

    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
