package dev.rootline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.signature.MatchedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A batch that cannot be correlated fails alone: the requests that shared its transaction are correlated anyway. */
class CorrelationServiceTest {

    private static List<MatchedEvent> batch(String service) throws Exception {
        String json = "["
                + Entries.stderr(service, service + "-00001", "id-" + service, "2025-09-16T00:41:13Z", "i-1", "line")
                + "]";
        List<LogEvent> events = Payloads.read(json.getBytes(StandardCharsets.UTF_8), Entries.NOW);
        return events.stream().map(e -> new MatchedEvent(e, List.of())).toList();
    }

    @Test
    void aPoisonBatchFailsAloneAndTheOthersInItsGroupAreCorrelated() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> transactions = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CorrelationService service = new CorrelationService(
                events -> {
                    List<String> services = events.stream()
                            .map(e -> e.event().scope().service())
                            .toList();
                    transactions.add(services);
                    if (services.equals(List.of("first"))) {
                        firstRunning.countDown();
                        await(releaseFirst);
                    }
                    if (services.contains("poison")) {
                        throw new IllegalStateException("value too long for type character varying(1000)");
                    }
                },
                Clock.systemUTC(),
                metrics);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(() -> correlate(service, "first"));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> poison = pool.submit(() -> correlate(service, "poison"));
            Future<?> healthy = pool.submit(() -> correlate(service, "healthy"));
            Thread.sleep(200); // both wait for the first transaction, and go in the next one together
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            healthy.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CorrelationFailedException.class)
                    .hasMessageContaining("value too long");
        } finally {
            pool.shutdownNow();
        }
        assertThat(transactions).contains(List.of("healthy"));
        assertThat(transactions).anySatisfy(t -> assertThat(t).containsExactlyInAnyOrder("poison", "healthy"));
        assertThat(service.failures()).isEqualTo(1);
        assertThat(service.lastFailure())
                .hasValueSatisfying(f -> assertThat(f.reason()).contains("value too long"));
        assertThat(metrics.counter("rootline.correlation.failures").count()).isEqualTo(1);
    }

    private static Void correlate(CorrelationService service, String name) throws Exception {
        service.correlate(batch(name));
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
