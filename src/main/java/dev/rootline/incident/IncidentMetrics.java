package dev.rootline.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code rootline_incidents_open{service=…}}: the open and regressed incidents of each service, for dashboards.
 * Read from the database, so every replica reports the same figures.
 */
@ApplicationScoped
class IncidentMetrics {

    private final IncidentQueries reads;
    private final MultiGauge open;

    IncidentMetrics(IncidentQueries reads, MeterRegistry metrics) {
        this.reads = reads;
        this.open = MultiGauge.builder("rootline.incidents.open")
                .description("Open and regressed incidents per service")
                .register(metrics);
    }

    @Scheduled(every = "15s")
    void refresh() {
        open.register(
                reads.openByService().entrySet().stream()
                        .map(c -> MultiGauge.Row.of(Tags.of("service", c.getKey()), c.getValue()))
                        .toList(),
                true);
    }
}
