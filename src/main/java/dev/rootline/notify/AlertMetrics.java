package dev.rootline.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code rootline_alerts{route, status}}: the outbox by route and status, read from the database so every replica
 * reports the same figures. A growing {@code failed} or {@code pending} count is what to alert on.
 */
@ApplicationScoped
class AlertMetrics {

    private final AlertStore store;
    private final MultiGauge alerts;

    AlertMetrics(AlertStore store, MeterRegistry metrics) {
        this.store = store;
        this.alerts = MultiGauge.builder("rootline.alerts")
                .description("Slack alerts by route and status")
                .register(metrics);
    }

    @Scheduled(every = "15s")
    void refresh() {
        alerts.register(
                store.counts().stream()
                        .map(c -> MultiGauge.Row.of(
                                Tags.of(
                                        "route",
                                        c.route(),
                                        "status",
                                        c.status().name().toLowerCase(Locale.ROOT)),
                                c.alerts()))
                        .toList(),
                true);
    }
}
