package dev.rootline.incident;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptPerServiceTest {

    private final List<Synchronization> pending = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** Only what AfterCommit uses: each transaction's synchronizations, completed by {@link #end}. */
    private final TransactionSynchronizationRegistry transactions =
            (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {TransactionSynchronizationRegistry.class},
                    (proxy, method, args) -> pending.add((Synchronization) args[0]));

    /** Weighs each value by its length; 10 in all; a service quiet for a minute loses its value. */
    private final KeptPerService<String> kept =
            new KeptPerService<>(transactions, 10, String::length, clock, Duration.ofMinutes(1));

    private void keep(String service, String value, int status) {
        kept.keepAfterCommit(service, value, () -> {});
        pending.forEach(s -> s.afterCompletion(status));
        pending.clear();
    }

    @Test
    void aValueComesBackOnlyWhenItsTransactionCommits() {
        keep("a", "abc", Status.STATUS_ROLLEDBACK);
        assertThat(kept.take("a")).isNull();
        keep("a", "abc", Status.STATUS_COMMITTED);
        assertThat(kept.take("a")).isEqualTo("abc");
        assertThat(kept.take("a")).as("handed to one transaction at a time").isNull();
    }

    @Test
    void pastTheBudgetTheLeastRecentlyKeptGoFirst() {
        keep("a", "aaaa", Status.STATUS_COMMITTED);
        keep("b", "bbbb", Status.STATUS_COMMITTED);
        keep("a", kept.take("a"), Status.STATUS_COMMITTED);
        keep("c", "cccc", Status.STATUS_COMMITTED);
        assertThat(kept.take("b")).isNull();
        assertThat(kept.take("a")).isEqualTo("aaaa");
        assertThat(kept.take("c")).isEqualTo("cccc");
    }

    @Test
    void aServiceQuietForLongerThanTheIdleTimeLosesItsValueWithinTheBudget() {
        keep("storm", "ss", Status.STATUS_COMMITTED);
        keep("live", "l", Status.STATUS_COMMITTED);
        now = now.plusSeconds(59);
        keep("live", kept.take("live"), Status.STATUS_COMMITTED);
        assertThat(kept.take("storm")).as("quiet for 59 s").isEqualTo("ss");
        keep("storm", "ss", Status.STATUS_COMMITTED);
        now = now.plusSeconds(61);
        keep("live", kept.take("live"), Status.STATUS_COMMITTED);
        assertThat(kept.take("storm")).as("quiet for 61 s").isNull();
        assertThat(kept.take("live")).isEqualTo("l");
    }
}
