package dev.rootline.verdict;

import dev.rootline.app.Daemons;
import dev.rootline.engine.verdict.VerdictOutcome;
import dev.rootline.incident.ServicesCorrelated;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Verdict requests that wait. Each is judged again, off the request's thread, when correlation commits entries
 * of its service (a deciding entry answers it within milliseconds), every second (a ready revision passes when
 * its settle time is over, with no entry to say so), and when its wait ends.
 */
@ApplicationScoped
class PendingVerdicts {

    private static final long RECHECK_MILLIS = 1_000;

    private final ScheduledExecutorService executor =
            Executors.newScheduledThreadPool(2, Daemons.named("rootline-verdict"));
    private final Map<String, Set<Waiter>> byService = new ConcurrentHashMap<>();

    /**
     * @param judge the verdict report, told whether the wait is over; a report whose verdict is not pending ends
     *              the wait
     */
    CompletionStage<VerdictReport> await(String service, Duration wait, Function<Boolean, VerdictReport> judge) {
        Waiter waiter = new Waiter(service, System.nanoTime() + wait.toNanos(), judge);
        byService.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.timers.add(executor.scheduleWithFixedDelay(waiter::check, 0, RECHECK_MILLIS, TimeUnit.MILLISECONDS));
        waiter.timers.add(executor.schedule(waiter::check, wait.toNanos(), TimeUnit.NANOSECONDS));
        return waiter.result;
    }

    void correlated(@Observes ServicesCorrelated correlated) {
        for (String service : correlated.services()) {
            for (Waiter waiter : byService.getOrDefault(service, Set.of())) {
                executor.execute(waiter::check);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private final class Waiter {
        final String service;
        final long deadline;
        final Function<Boolean, VerdictReport> judge;
        final CompletableFuture<VerdictReport> result = new CompletableFuture<>();
        /** The recheck and the end of the wait, cancelled once answered. */
        final Queue<ScheduledFuture<?>> timers = new ConcurrentLinkedQueue<>();

        Waiter(String service, long deadline, Function<Boolean, VerdictReport> judge) {
            this.service = service;
            this.deadline = deadline;
            this.judge = judge;
        }

        /** One check at a time: a check that finds the verdict decided, or the wait over, answers. */
        synchronized void check() {
            if (result.isDone()) {
                finish(); // a timer may have been added after the first check answered
                return;
            }
            boolean over = System.nanoTime() - deadline >= 0;
            try {
                VerdictReport report = judge.apply(over);
                if (over || report.outcome() != VerdictOutcome.PENDING) {
                    finish();
                    result.complete(report);
                }
            } catch (RuntimeException e) {
                finish();
                result.completeExceptionally(e);
            }
        }

        private void finish() {
            byService.computeIfPresent(service, (s, waiters) -> {
                waiters.remove(this);
                return waiters.isEmpty() ? null : waiters;
            });
            timers.forEach(timer -> timer.cancel(false));
        }
    }
}
