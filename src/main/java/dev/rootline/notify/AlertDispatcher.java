package dev.rootline.notify;

import com.slack.api.webhook.Payload;
import dev.rootline.app.Backoff;
import dev.rootline.app.Daemons;
import dev.rootline.app.RootlineConfig;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, on one thread: woken when a transaction that raised alerts commits, and polling for retries
 * and for alerts raised by other processes. Each attempt is claimed in the database first, so a restart resumes
 * where the last process stopped, and two processes never send one alert at once.
 */
@ApplicationScoped
class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final long POLL_MILLIS = 1000;
    private static final int BATCH = 100;

    private final AlertStore store;
    private final AlertRoutes routes;
    private final SlackWebhook webhook;
    private final IncidentQueries incidents;
    private final AlertMessages messages;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final SlackAlertsConfig config;
    private final Object signal = new Object();
    private boolean woken;
    private volatile Thread thread;

    AlertDispatcher(
            AlertStore store,
            AlertRoutes routes,
            SlackWebhook webhook,
            IncidentQueries incidents,
            MeterRegistry metrics,
            Clock clock,
            SlackAlertsConfig config,
            RootlineConfig rootline) {
        this.store = store;
        this.routes = routes;
        this.webhook = webhook;
        this.incidents = incidents;
        this.messages = new AlertMessages(rootline.publicUrl());
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        if (!routes.any()) {
            return;
        }
        thread = Daemons.thread("rootline-alerts", this::run); // published before it runs: run() checks it
        thread.start();
    }

    /** Wakes the dispatcher and waits for its call in flight: an interrupt could break a database write. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        Thread t = thread;
        thread = null;
        if (t != null) {
            wake();
            t.join(config.timeout().toMillis() + 1000);
        }
    }

    /** Something is due now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            long wait = POLL_MILLIS;
            try {
                deliverDue();
                wait = store.nextDue().map(due -> due - clock.millis()).orElse(POLL_MILLIS);
            } catch (RuntimeException e) {
                LOG.warnf("Delivering alerts failed, trying again shortly: %s", e.getMessage());
            }
            synchronized (signal) {
                try {
                    if (!woken && wait > 0) {
                        signal.wait(Math.min(wait, POLL_MILLIS));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                woken = false;
            }
        }
    }

    private void deliverDue() {
        List<Alert> due;
        do {
            due = store.due(clock.millis(), BATCH);
            for (Alert alert : due) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                if (store.claim(alert, clock.millis() + config.timeout().toMillis() * 2 + 1000)) {
                    try {
                        deliver(alert);
                    } catch (RuntimeException e) {
                        LOG.warnf("Alert %d could not be delivered: %s", alert.id(), e.toString());
                        retryOrGiveUp(alert, "internal error (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
        } while (due.size() == BATCH);
    }

    private void deliver(Alert alert) {
        Optional<AlertRoute> route = routes.named(alert.route());
        if (route.isEmpty()) {
            finish(alert, "failed", () -> store.fail(alert, "route " + alert.route() + " is no longer configured"));
            return;
        }
        long now = clock.millis();
        AlertRoute r = route.get();
        if (alert.kind().limited()
                && store.sentSince(r.name(), now - r.rateWindow().toMillis()) >= r.rateLimit()) {
            finish(
                    alert,
                    "suppressed",
                    () -> store.suppress(alert, now, r.rateWindow().toMillis()));
            return;
        }
        Optional<Payload> payload = payload(alert, r);
        if (payload.isEmpty()) {
            finish(alert, "failed", () -> store.fail(alert, "incident " + alert.incidentId() + " no longer exists"));
            return;
        }
        Delivery outcome = webhook.post(r.webhook(), payload.get());
        if (outcome instanceof Delivery.Delivered) {
            finish(alert, "sent", () -> store.sent(alert, clock.millis()));
        } else if (outcome instanceof Delivery.Throttled t) {
            finish(
                    alert,
                    "throttled",
                    () -> store.pause(
                            r.name(),
                            clock.millis() + t.retryAfter().toMillis(),
                            "429: retry after " + t.retryAfter().toSeconds() + "s"));
        } else if (outcome instanceof Delivery.Unavailable u) {
            retryOrGiveUp(alert, u.reason());
        } else if (outcome instanceof Delivery.Rejected j) {
            finish(alert, "failed", () -> store.fail(alert, j.reason()));
        }
    }

    private Optional<Payload> payload(Alert alert, AlertRoute route) {
        return switch (alert.kind()) {
            case TEST -> Optional.of(messages.test(route.name()));
            case DIGEST -> {
                List<Alert> held = store.suppressedIn(alert); // only the listed ones need their incident read
                List<Alert> listed =
                        held.stream().limit(AlertMessages.DIGEST_LINES).toList();
                Map<String, IncidentQueries.Named> named =
                        incidents.named(listed.stream().map(Alert::incidentId).collect(Collectors.toSet()));
                yield Optional.of(messages.digest(
                        route, listed.stream().map(a -> held(a, named)).toList(), held.size()));
            }
            default ->
                incidents
                        .get(alert.incidentId())
                        .map(detail -> messages.change(
                                alert.kind(),
                                alert.revision(),
                                detail,
                                Optional.ofNullable(alert.related())
                                        .flatMap(incidents::get)
                                        .map(IncidentDetail::incident)));
        };
    }

    private void retryOrGiveUp(Alert alert, String reason) {
        int attempts = alert.attempts() + 1;
        if (clock.millis() - alert.createdAt() >= config.giveUpAfter().toMillis()) {
            finish(alert, "failed", () -> store.fail(alert, reason + "; gave up after " + attempts + " attempts"));
        } else {
            finish(alert, "retried", () -> store.retry(alert, clock.millis() + backoff(attempts), reason));
        }
    }

    private static AlertMessages.Held held(Alert alert, Map<String, IncidentQueries.Named> named) {
        Optional<IncidentQueries.Named> incident = Optional.ofNullable(named.get(alert.incidentId()));
        return new AlertMessages.Held(
                alert.kind(),
                incident.map(IncidentQueries.Named::service).orElse("?"),
                incident.map(IncidentQueries.Named::title).orElse(null),
                alert.incidentId());
    }

    /** Exponential, from {@code retry-backoff} up to {@code max-backoff}, with up to 20% jitter. */
    private long backoff(int attempts) {
        return new Backoff(config.retryBackoff(), config.maxBackoff())
                .withJitter(attempts)
                .toMillis();
    }

    private void finish(Alert alert, String outcome, Runnable record) {
        record.run();
        metrics.counter("rootline.alerts.deliveries", "route", alert.route(), "outcome", outcome)
                .increment();
        if (!outcome.equals("sent")) {
            LOG.debugf("Alert %d (%s, route %s): %s", alert.id(), alert.kind(), alert.route(), outcome);
        }
    }
}
