package dev.rootline.incident;

import dev.rootline.app.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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

    private record Count(String service, long open) {}

    @Scheduled(every = "15s")
    void refresh() {
        List<Count> counts = reads.read(c -> Sql.query(
                c,
                "SELECT service, SUM(CASE WHEN status = 'RESOLVED' THEN 0"
                        + " ELSE 1 END) FROM incident GROUP BY service",
                r -> new Count(r.getString(1), r.getLong(2))));
        open.register(
                counts.stream()
                        .map(c -> MultiGauge.Row.of(Tags.of("service", c.service()), c.open()))
                        .toList(),
                true);
    }
}
