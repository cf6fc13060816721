package dev.rootline.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the log store is down: it can acknowledge nothing, so traffic should go elsewhere until it has
 * reopened itself. Also shows what the store tells of itself (the Lucene store: how many write-ahead-log entries a replay had to quarantine).
 */
@Readiness
@ApplicationScoped
public class StoreHealthCheck implements HealthCheck {

    private final LogStore store;

    StoreHealthCheck(LogStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("log-store");
        store.healthData().forEach((key, value) -> {
            if (value instanceof Long count) {
                response.withData(key, count);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        store.unavailable().ifPresentOrElse(reason -> response.down().withData("reason", reason), response::up);
        return response.build();
    }
}
